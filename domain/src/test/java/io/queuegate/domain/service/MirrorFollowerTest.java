package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.queuegate.domain.mirror.LineChange.Joined;
import io.queuegate.domain.mirror.LineChange.JoinedPreQueue;
import io.queuegate.domain.mirror.LineChange.Left;
import io.queuegate.domain.mirror.LineMirror;
import io.queuegate.domain.mirror.MirrorListener;
import io.queuegate.domain.mirror.Place;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class MirrorFollowerTest {
  private static final EventId EVENT = TestWaiters.EVENT;

  private final MutableClock clock = new MutableClock();
  private final FakeLineFeed feed = new FakeLineFeed(clock);
  private final MirrorListener listener = mock(MirrorListener.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);

  private MirrorFollower follower(int pageSize, int readBatch) {
    MirrorSettings d = MirrorSettings.defaults();
    MirrorSettings settings =
        new MirrorSettings(
            true,
            0,
            d.maxEvents(),
            d.idlePause(),
            d.quietPause(),
            d.staleness(),
            pageSize,
            readBatch,
            d.dropAfter(),
            d.maxBackoff());
    return new MirrorFollower(EVENT, feed, listener, metrics, clock, settings);
  }

  @Test
  void build_takesTheHeadAndEveryPage_thenFollowsTheFeedAfterTheHead() {
    feed.append(new JoinedPreQueue(1), new JoinedPreQueue(2));
    for (long seq = 3; seq <= 12; seq++) {
      feed.append(new Joined(seq));
    }
    MirrorFollower follower = follower(4, 100);
    assertThat(follower.fresh(clock.instant())).isEmpty();

    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));

    assertThat(feed.heads).isEqualTo(1);
    assertThat(feed.pages).isEqualTo(3);
    LineMirror mirror = follower.fresh(clock.instant()).orElseThrow();
    assertThat(mirror.version()).isEqualTo(11);
    assertThat(mirror.waitingAhead(Place.line(3))).isEqualTo(2);
    assertThat(mirror.waitingAhead(Place.line(12))).isEqualTo(11);
    verify(metrics).mirrorRebuilt(EVENT);

    feed.append(new Left(Place.line(3)), new Left(Place.preQueue(1)));
    feed.append(new Joined(13));
    follower.step();

    assertThat(mirror.version()).isEqualTo(13);
    assertThat(mirror.waitingAhead(Place.line(13))).isEqualTo(10);
    assertThat(mirror.isWaiting(Place.line(3))).isFalse();
    InOrder told = inOrder(listener);
    // The build counts as the line's size in departures, so that waiters on them look again.
    told.verify(listener).applied(EVENT, 12);
    told.verify(listener).applied(EVENT, 12 + 2);
  }

  @Test
  void fullReads_readAgainAtOnce_andOnlyTheReadThatReachesTheEnd_catchesUp() {
    MirrorFollower follower = follower(10, 2);
    follower.step();
    for (long seq = 1; seq <= 5; seq++) {
      feed.append(new Joined(seq));
    }
    clock.advance(Duration.ofSeconds(2));

    assertThat(follower.step()).isZero();
    assertThat(follower.fresh(clock.instant())).isEmpty();
    assertThat(follower.step()).isZero();
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));
    assertThat(follower.fresh(clock.instant()).orElseThrow().size()).isEqualTo(5);
  }

  @Test
  void aLineQuietForASecond_isReadLessAndLessOften_upToTheQuietPause_andAChangeEndsIt() {
    MirrorFollower follower = follower(10, 10);
    follower.step();
    feed.append(new Joined(1));
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));

    // Gaps shorter than a second between changes keep the poll: a burst after one lags no more.
    clock.advanceMillis(999);
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));
    clock.advanceMillis(1);
    List<Long> quiet = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      quiet.add(follower.step().toMillis());
    }
    assertThat(quiet).containsExactly(20L, 40L, 80L, 100L, 100L, 100L);
    // Still fresh: a quiet read every 100 ms keeps well within the 1 s bound.
    assertThat(follower.fresh(clock.instant())).isPresent();

    feed.append(new Joined(2));
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void aMirrorAnswers_upToTheStalenessBoundAfterItsLastCaughtUpRead() {
    MirrorFollower follower = follower(10, 10);
    follower.step();

    clock.advance(Duration.ofSeconds(1));
    assertThat(follower.fresh(clock.instant())).isPresent();
    clock.advanceMillis(1);
    assertThat(follower.fresh(clock.instant())).isEmpty();
    follower.step();
    assertThat(follower.fresh(clock.instant())).isPresent();
  }

  @Test
  void aStoreOutage_keepsTheMirrorButBacksOff_andItGoesStaleUntilTheStoreIsBack() {
    feed.append(new Joined(1));
    MirrorFollower follower = follower(10, 10);
    follower.step();
    feed.down = true;

    assertThat(follower.step()).isEqualTo(Duration.ofMillis(50));
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(100));
    for (int i = 0; i < 10; i++) {
      follower.step();
    }
    assertThat(follower.step()).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofMillis(1_001));
    assertThat(follower.fresh(clock.instant())).isEmpty();

    feed.down = false;
    feed.append(new Joined(2));
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));
    assertThat(follower.fresh(clock.instant()).orElseThrow().waitingAhead(Place.line(2)))
        .isEqualTo(1);
    assertThat(feed.heads).isEqualTo(1);
    assertThat(follower.step()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void aGapInTheFeed_dropsTheMirrorAtOnce_andTheNextStepRebuildsIt() {
    feed.append(new Joined(1));
    MirrorFollower follower = follower(10, 10);
    follower.step();
    feed.append(new Joined(2), new Joined(3));
    feed.append(new Left(Place.line(1)));
    feed.trimTo(3);

    follower.step();
    assertThat(follower.fresh(clock.instant())).isEmpty();

    follower.step();
    LineMirror rebuilt = follower.fresh(clock.instant()).orElseThrow();
    assertThat(rebuilt.version()).isEqualTo(3);
    assertThat(rebuilt.waitingAhead(Place.line(3))).isEqualTo(1);
    assertThat(feed.heads).isEqualTo(2);
    verify(metrics, times(2)).mirrorRebuilt(EVENT);
    // Anyone waiting on departures looks again: the count jumped by both lines' sizes.
    verify(listener).applied(EVENT, 1);
    verify(listener).applied(EVENT, 1 + 1 + 2);
  }

  @Test
  void aChangeTheMirrorCannotHold_rebuildsItFromASnapshot() {
    feed.append(new Joined(1));
    MirrorFollower follower = follower(10, 10);
    follower.step();
    feed.append(new Joined(1 + LineMirror.MAX_SPAN));

    follower.step();
    assertThat(follower.fresh(clock.instant())).isEmpty();
    verify(metrics, times(1)).mirrorRebuilt(EVENT);
  }

  @Test
  void eachAppliedEntry_recordsHowLongAfterItsWritingItWasApplied() {
    MirrorFollower follower = follower(10, 10);
    follower.step();
    feed.append(new Joined(1));
    clock.advanceMillis(30);
    feed.append(new Joined(2));
    clock.advanceMillis(5);

    follower.step();

    verify(metrics).mirrorLag(EVENT, Duration.ofMillis(35));
    verify(metrics).mirrorLag(EVENT, Duration.ofMillis(5));
  }

  @Test
  void aStoppedFollower_answersNothing() {
    MirrorFollower follower = follower(10, 10);
    follower.step();
    follower.stop();

    assertThat(follower.stopped()).isTrue();
    assertThat(follower.fresh(clock.instant())).isEmpty();
    verify(listener, never()).dropped(EVENT);
  }
}
