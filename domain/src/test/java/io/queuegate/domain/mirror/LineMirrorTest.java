package io.queuegate.domain.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.mirror.LineChange.Joined;
import io.queuegate.domain.mirror.LineChange.JoinedPreQueue;
import io.queuegate.domain.mirror.LineChange.Left;
import io.queuegate.domain.mirror.LineChange.Opened;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineMirrorTest {

  @Test
  void empty_holdsNobodyAtVersionZero() {
    LineMirror mirror = LineMirror.empty();
    assertThat(mirror.size()).isZero();
    assertThat(mirror.version()).isZero();
    assertThat(mirror.standing(Place.line(1))).isEqualTo(new MirrorStanding(false, 0, 0));
    assertThat(mirror.waitingAhead(Place.line(1))).isEqualTo(-1);
  }

  @Test
  void firstComeWaiters_standInSequenceOrder_asOfTheBatchVersion() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new Joined(1), new Joined(2), new Joined(3)), 10);
    mirror.apply(List.of(new Left(Place.line(2))), 11);
    assertThat(mirror.standing(Place.line(1))).isEqualTo(new MirrorStanding(true, 0, 11));
    assertThat(mirror.standing(Place.line(3))).isEqualTo(new MirrorStanding(true, 1, 11));
    assertThat(mirror.isWaiting(Place.line(2))).isFalse();
    assertThat(mirror.size()).isEqualTo(2);
  }

  @Test
  void aBatchThatDoesNotMoveTheVersionForward_isRefused() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new Joined(1)), 5);
    assertThatThrownBy(() -> mirror.apply(List.of(new Joined(2)), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mirror.isWaiting(Place.line(2))).isFalse();
    assertThat(mirror.version()).isEqualTo(5);
  }

  @Test
  void replayedJoinsAndLeaves_changeNothing() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new Joined(1), new Joined(1), new Joined(2)), 1);
    mirror.apply(List.of(new Left(Place.line(1)), new Left(Place.line(1))), 2);
    assertThat(mirror.size()).isEqualTo(1);
    assertThat(mirror.waitingAhead(Place.line(2))).isZero();
  }

  @Test
  void thePreQueueIsACount_thatFirstComersStandBehind_andItsOwnPlacesAreLeftToTheStore() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(
        List.of(new JoinedPreQueue(1), new JoinedPreQueue(2), new JoinedPreQueue(3), new Joined(4)),
        1);
    assertThat(mirror.preQueue()).isEqualTo(3);
    assertThat(mirror.waitingAhead(Place.line(4))).isEqualTo(3);
    assertThat(mirror.isWaiting(Place.preQueue(1))).isFalse();
    mirror.apply(List.of(new Left(Place.preQueue(2))), 2);
    assertThat(mirror.waitingAhead(Place.line(4))).isEqualTo(2);
    assertThat(mirror.size()).isEqualTo(3);
  }

  @Test
  void theOpening_marksTheLineOpen_andLeavesTheCount() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new JoinedPreQueue(1), new JoinedPreQueue(2)), 1);
    assertThat(mirror.opened()).isFalse();
    mirror.apply(List.of(new Opened(2)), 2);
    assertThat(mirror.opened()).isTrue();
    assertThat(mirror.preQueue()).isEqualTo(2);
    // After the opening an entrant still leaves by the sequence it joined with.
    mirror.apply(List.of(new Joined(3), new Left(Place.preQueue(1))), 3);
    assertThat(mirror.waitingAhead(Place.line(3))).isEqualTo(1);
  }

  @Test
  void preQueueLeaves_neverTakeTheCountBelowZero() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new JoinedPreQueue(1)), 1);
    mirror.apply(List.of(new Left(Place.preQueue(1)), new Left(Place.preQueue(1))), 2);
    assertThat(mirror.preQueue()).isZero();
    assertThat(mirror.departures()).isEqualTo(1);
  }

  @Test
  void departures_countEveryLeaveThatRemovedSomeone() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new Joined(1), new Joined(2), new JoinedPreQueue(3)), 1);
    mirror.apply(
        List.of(
            new Left(Place.line(1)),
            new Left(Place.line(1)),
            new Left(Place.line(9)),
            new Left(Place.preQueue(3))),
        2);
    assertThat(mirror.departures()).isEqualTo(2);
  }

  @Test
  void fromASnapshot_thePagesAndTheFeedAfterItsHead_makeTheLine() {
    LineMirror mirror = LineMirror.fromHead(new FeedHead(10, 2));
    mirror.addPage(new LinePage(new long[] {5, 6, 8}, false));
    // A later page may repeat a sequence that moved while the pages were read.
    mirror.addPage(new LinePage(new long[] {8, 11}, true));
    assertThat(mirror.version()).isEqualTo(10);
    assertThat(mirror.opened()).isTrue();

    int applied =
        mirror.apply(
            new FeedBatch(
                List.of(
                    entry(9, new Joined(8)),
                    entry(10, new Left(Place.line(5))),
                    entry(11, new Left(Place.line(6)), new Joined(12)),
                    entry(12, new Left(Place.preQueue(1))))));

    assertThat(applied).isEqualTo(2);
    assertThat(mirror.version()).isEqualTo(12);
    assertThat(mirror.waitingAhead(Place.line(5))).isEqualTo(1);
    assertThat(mirror.waitingAhead(Place.line(12))).isEqualTo(4);
    assertThat(mirror.size()).isEqualTo(5);
  }

  @Test
  void aSnapshotWithoutFirstComers_hasNotSeenTheLineOpen() {
    LineMirror mirror = LineMirror.fromHead(new FeedHead(3, 4));
    mirror.addPage(new LinePage(new long[0], true));
    assertThat(mirror.opened()).isFalse();
    assertThat(mirror.size()).isEqualTo(4);
  }

  @Test
  void sequenceFarAhead_isRefused() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new Joined(1)), 1);
    assertThatThrownBy(() -> mirror.apply(List.of(new Joined(1 + LineMirror.MAX_SPAN)), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mirror.version()).isEqualTo(1);
  }

  /**
   * A whole scheduled sale, seeded: pre-queue joins and leaves, the opening, then first-come joins
   * (some out of order), pre-queue entrants and first-comers leaving at the head and anywhere;
   * after every batch each probe agrees with a model that ranks as the stores do.
   */
  @ParameterizedTest
  @ValueSource(longs = {7, 11, 99})
  void aScheduledSale_agreesWithTheStoresRanking(long seed) {
    Random random = new Random(seed);
    LineMirror mirror = LineMirror.empty();
    TreeSet<Long> pre = new TreeSet<>();
    TreeSet<Long> line = new TreeSet<>();
    long next = 1;
    long version = 0;
    for (int i = 0; i < 3_000; i++) {
      List<LineChange> batch = new ArrayList<>();
      if (random.nextInt(5) == 0 && !pre.isEmpty()) {
        Long gone = pre.ceiling(random.nextLong(next));
        if (gone != null) {
          pre.remove(gone);
          batch.add(new Left(Place.preQueue(gone)));
        }
      }
      pre.add(next);
      batch.add(new JoinedPreQueue(next++));
      mirror.apply(batch, ++version);
      assertThat(mirror.preQueue()).isEqualTo(pre.size());
    }
    mirror.apply(List.of(new Opened(pre.size())), ++version);
    for (int i = 0; i < 20_000; i++) {
      List<LineChange> batch = new ArrayList<>();
      int changes = 1 + random.nextInt(5);
      for (int c = 0; c < changes; c++) {
        int op = random.nextInt(10);
        if (op < 5) {
          long seq = next++ + (random.nextInt(4) == 0 ? 3 : 0); // a few out of order
          if (line.add(seq)) {
            batch.add(new Joined(seq));
          }
        } else if (op < 7 && !pre.isEmpty()) {
          batch.add(new Left(Place.preQueue(pre.pollFirst())));
        } else if (op < 8 && pre.isEmpty() && !line.isEmpty()) {
          batch.add(new Left(Place.line(line.pollFirst())));
        } else if (op < 9 && !line.isEmpty()) {
          Long gone = line.ceiling(random.nextLong(next));
          if (gone != null) {
            line.remove(gone);
            batch.add(new Left(Place.line(gone)));
          }
        } else if (!pre.isEmpty()) {
          Long gone = pre.ceiling(random.nextLong(next));
          if (gone != null) {
            pre.remove(gone);
            batch.add(new Left(Place.preQueue(gone)));
          }
        }
      }
      mirror.apply(batch, ++version);
      long seq = random.nextLong(next + 5);
      long expected = line.contains(seq) ? pre.size() + line.headSet(seq).size() : -1;
      assertThat(mirror.waitingAhead(Place.line(seq))).isEqualTo(expected);
      assertThat(mirror.size()).isEqualTo(pre.size() + line.size());
      assertThat(mirror.version()).isEqualTo(version);
    }
  }

  private static FeedEntry entry(long version, LineChange... changes) {
    return new FeedEntry(version, Instant.EPOCH, List.of(changes));
  }
}
