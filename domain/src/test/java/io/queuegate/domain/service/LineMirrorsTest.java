package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.queuegate.domain.mirror.LineChange.Joined;
import io.queuegate.domain.mirror.MirrorListener;
import io.queuegate.domain.mirror.Place;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineMirrorsTest {
  private static final EventId EVENT = TestWaiters.EVENT;
  private static final EventId OTHER = new EventId("other-event");

  private final MutableClock clock = new MutableClock();
  private final FakeLineFeed feed = new FakeLineFeed(clock);
  private final MirrorListener listener = mock(MirrorListener.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final List<EventId> started = new ArrayList<>();
  private final List<Duration> paused = new ArrayList<>();

  private LineMirrors mirrors(boolean enabled, double minRate, int maxEvents) {
    MirrorSettings d = MirrorSettings.defaults();
    MirrorSettings settings =
        new MirrorSettings(
            enabled,
            minRate,
            maxEvents,
            d.idlePause(),
            d.quietPause(),
            d.staleness(),
            d.pageSize(),
            d.readBatch(),
            d.dropAfter(),
            d.maxBackoff());
    return new LineMirrors(
        feed, listener, metrics, clock, settings, (e, loop) -> started.add(e), paused::add);
  }

  @Test
  void withMinRateZero_theFirstStatusCallStartsTheMirror_whichAnswersOnceItCaughtUp() {
    feed.append(new Joined(1), new Joined(2));
    LineMirrors mirrors = mirrors(true, 0, 4);

    mirrors.hit(EVENT, clock.instant());
    mirrors.hit(EVENT, clock.instant());

    assertThat(started).containsExactly(EVENT);
    assertThat(mirrors.mirrored()).containsExactly(EVENT);
    assertThat(mirrors.fresh(EVENT, clock.instant())).isEmpty();
    mirrors.step(mirrors.follower(EVENT).orElseThrow());
    assertThat(mirrors.fresh(EVENT, clock.instant()).orElseThrow().waitingAhead(Place.line(2)))
        .isEqualTo(1);
    verify(metrics).mirroredEvents(1);
  }

  @Test
  void anEventIsMirrored_onlyOnceItsStatusCallsPassTheRateWithinAWindow() {
    LineMirrors mirrors = mirrors(true, 5, 4);
    for (int i = 0; i < 50; i++) {
      mirrors.hit(EVENT, clock.instant());
      clock.advanceMillis(150);
    }
    // 50 calls over 7.5 s of a 10 s window: not above 5 a second.
    assertThat(started).isEmpty();
    clock.advance(Duration.ofSeconds(3));
    for (int i = 0; i < 50; i++) {
      mirrors.hit(EVENT, clock.instant());
    }
    assertThat(started).isEmpty();
    mirrors.hit(EVENT, clock.instant());
    assertThat(started).containsExactly(EVENT);
  }

  @Test
  void atMostMaxEventsAreMirrored() {
    LineMirrors mirrors = mirrors(true, 0, 1);

    mirrors.hit(EVENT, clock.instant());
    mirrors.hit(OTHER, clock.instant());

    assertThat(mirrors.mirrored()).containsExactly(EVENT);
    assertThat(mirrors.fresh(OTHER, clock.instant())).isEmpty();
  }

  @Test
  void anEventWithoutStatusCallsForAMinute_isDropped_andItsListenersTold() {
    LineMirrors mirrors = mirrors(true, 0, 1);
    mirrors.hit(EVENT, clock.instant());
    MirrorFollower follower = mirrors.follower(EVENT).orElseThrow();
    clock.advance(Duration.ofSeconds(59));
    mirrors.hit(EVENT, clock.instant());
    clock.advance(Duration.ofSeconds(60));
    assertThat(mirrors.step(follower)).isPresent();

    clock.advanceMillis(1);
    assertThat(mirrors.step(follower)).isEmpty();

    assertThat(mirrors.mirrored()).isEmpty();
    verify(listener).dropped(EVENT);
    verify(metrics, org.mockito.Mockito.times(2)).mirroredEvents(0);
    // Its place is free for another event.
    mirrors.hit(OTHER, clock.instant());
    assertThat(mirrors.mirrored()).containsExactly(OTHER);
  }

  @Test
  void disabled_mirrorsNothing() {
    LineMirrors mirrors = mirrors(false, 0, 4);

    mirrors.hit(EVENT, clock.instant());

    assertThat(started).isEmpty();
    assertThat(mirrors.fresh(EVENT, clock.instant())).isEmpty();
  }

  @Test
  void close_stopsEveryFollower_whichEndsAtItsNextStep() {
    LineMirrors mirrors = mirrors(true, 0, 4);
    mirrors.hit(EVENT, clock.instant());
    MirrorFollower follower = mirrors.follower(EVENT).orElseThrow();
    mirrors.step(follower);

    mirrors.close();

    assertThat(mirrors.fresh(EVENT, clock.instant())).isEmpty();
    assertThat(mirrors.step(follower)).isEmpty();
    mirrors.hit(OTHER, clock.instant());
    assertThat(mirrors.mirrored()).isEmpty();
    assertThat(paused).isEmpty();
  }
}
