package io.queuegate.domain.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.mirror.LineChange.Joined;
import io.queuegate.domain.mirror.LineChange.JoinedPreQueue;
import io.queuegate.domain.mirror.LineChange.Left;
import io.queuegate.domain.mirror.LineChange.Opened;
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
  void beforeTheOpening_everyEntrantHearsThePreQueuesSize_andFirstComersStandBehindIt() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(
        List.of(new JoinedPreQueue(1), new JoinedPreQueue(2), new JoinedPreQueue(3), new Joined(4)),
        1);
    assertThat(mirror.waitingAhead(Place.preQueue(1))).isEqualTo(2);
    assertThat(mirror.waitingAhead(Place.preQueue(3))).isEqualTo(2);
    assertThat(mirror.waitingAhead(Place.line(4))).isEqualTo(3);
    mirror.apply(List.of(new Left(Place.preQueue(2))), 2);
    assertThat(mirror.waitingAhead(Place.preQueue(1))).isEqualTo(1);
    assertThat(mirror.waitingAhead(Place.line(4))).isEqualTo(2);
    assertThat(mirror.isWaiting(Place.shuffled(0))).isFalse();
  }

  @Test
  void afterTheOpening_entrantsStandBySlot_andSequencePlacesOfThePreQueueAreNoLongerHeld() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new JoinedPreQueue(1), new JoinedPreQueue(2), new JoinedPreQueue(3)), 1);
    mirror.apply(List.of(new Opened(3), new Joined(4), new Left(Place.shuffled(1))), 2);
    assertThat(mirror.waitingAhead(Place.shuffled(0))).isZero();
    assertThat(mirror.waitingAhead(Place.shuffled(2))).isEqualTo(1);
    assertThat(mirror.waitingAhead(Place.line(4))).isEqualTo(2);
    // A pre-opening place cannot be told apart from the shuffled order: the store answers it.
    assertThat(mirror.isWaiting(Place.preQueue(1))).isFalse();
    assertThat(mirror.size()).isEqualTo(3);
  }

  @Test
  void anOpeningThatDisagreesWithTheMirror_throws() {
    LineMirror mirror = LineMirror.empty();
    mirror.apply(List.of(new JoinedPreQueue(1)), 1);
    assertThatThrownBy(() -> mirror.apply(List.of(new Opened(2)), 2))
        .isInstanceOf(IllegalStateException.class);
    mirror.apply(List.of(new Opened(1)), 3);
    assertThatThrownBy(() -> mirror.apply(List.of(new Opened(1)), 4))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> mirror.apply(List.of(new JoinedPreQueue(9)), 5))
        .isInstanceOf(IllegalStateException.class);
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
   * (some out of order), admissions from the head and leaves anywhere; after every batch each probe
   * agrees with a model that ranks as the stores do.
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
      Long probe = pre.floor(random.nextLong(next));
      if (probe != null && random.nextBoolean()) {
        assertThat(mirror.waitingAhead(Place.preQueue(probe))).isEqualTo(pre.size() - 1);
      }
    }
    int entrants = pre.size();
    TreeSet<Long> slots = new TreeSet<>();
    for (long slot = 0; slot < entrants; slot++) {
      slots.add(slot);
    }
    mirror.apply(List.of(new Opened(entrants)), ++version);
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
        } else if (op < 7 && !slots.isEmpty()) {
          batch.add(new Left(Place.shuffled(slots.pollFirst())));
        } else if (op < 8 && slots.isEmpty() && !line.isEmpty()) {
          batch.add(new Left(Place.line(line.pollFirst())));
        } else if (op < 9 && !line.isEmpty()) {
          Long gone = line.ceiling(random.nextLong(next));
          if (gone != null) {
            line.remove(gone);
            batch.add(new Left(Place.line(gone)));
          }
        } else if (!slots.isEmpty()) {
          Long gone = slots.ceiling((long) random.nextInt(entrants));
          if (gone != null) {
            slots.remove(gone);
            batch.add(new Left(Place.shuffled(gone)));
          }
        }
      }
      mirror.apply(batch, ++version);
      long seq = random.nextLong(next + 5);
      long expected = line.contains(seq) ? slots.size() + line.headSet(seq).size() : -1;
      assertThat(mirror.waitingAhead(Place.line(seq))).isEqualTo(expected);
      long slot = random.nextInt(entrants + 1);
      long expectedSlot = slots.contains(slot) ? slots.headSet(slot).size() : -1;
      assertThat(mirror.waitingAhead(Place.shuffled(slot))).isEqualTo(expectedSlot);
      assertThat(mirror.size()).isEqualTo(slots.size() + line.size());
      assertThat(mirror.version()).isEqualTo(version);
    }
  }
}
