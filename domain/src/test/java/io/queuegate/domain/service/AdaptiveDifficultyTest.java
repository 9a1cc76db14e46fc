package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdaptiveDifficultyTest {
  private static final EventId EVENT = new EventId("sale");
  private static final long BASE = 10_000;
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  // A prefix may ask 2 challenges a second, the event 500, averaged over 10 s.
  private final AdaptiveDifficulty difficulty = new AdaptiveDifficulty(ProofOfWorkTest.SETTINGS);

  private long floodFrom(String prefix, int perSecond, int seconds) {
    long last = 0;
    for (int s = 0; s < seconds; s++) {
      for (int i = 0; i < perSecond; i++) {
        last = difficulty.next(EVENT, prefix, BASE, clock.instant());
        clock.advanceMillis(1000 / perSecond);
      }
    }
    return last;
  }

  @Test
  void pacedPrefix_staysAtBase() {
    assertThat(floodFrom("198.51.100.0/24", 1, 30)).isEqualTo(BASE);
  }

  @Test
  void floodFromOnePrefix_raisesItsDifficulty_notAnotherPrefixs() {
    long flooded = floodFrom("203.0.113.0/24", 50, 20);

    long other = difficulty.next(EVENT, "198.51.100.0/24", BASE, clock.instant());

    // About 50/s against 2/s allowed: some 25 times the base.
    assertThat(flooded).isBetween(BASE * 15, BASE * 30);
    assertThat(other).isEqualTo(BASE);
  }

  @Test
  void difficulty_fallsBackWhenThePressurePasses() {
    floodFrom("203.0.113.0/24", 50, 20);
    clock.advance(Duration.ofSeconds(60));

    assertThat(difficulty.next(EVENT, "203.0.113.0/24", BASE, clock.instant())).isEqualTo(BASE);
  }

  /** {@code perSecond} solved joins a second for {@code seconds}, from nowhere in particular. */
  private void joinsPerSecond(int perSecond, int seconds) {
    for (int s = 0; s < seconds; s++) {
      for (int i = 0; i < perSecond; i++) {
        difficulty.joined(EVENT, clock.instant());
        clock.advanceMillis(1000 / perSecond);
      }
    }
  }

  @Test
  void eventWideRushOfJoins_raisesEveryPrefix_andFallsBackAfter() {
    // 1,000 solved joins a second against 500 allowed: everyone pays about twice the base.
    joinsPerSecond(1000, 20);

    long during = difficulty.next(EVENT, "a-new-prefix", BASE, clock.instant());
    clock.advance(Duration.ofSeconds(60));
    long after = difficulty.next(EVENT, "another-new-prefix", BASE, clock.instant());

    assertThat(during).isBetween(BASE * 3 / 2, BASE * 5 / 2);
    assertThat(after).isEqualTo(BASE);
  }

  @Test
  void manyChallengeRequestsFromManyPrefixes_raiseNoOneElse() {
    // Challenge requests are free: only solved joins may raise the difficulty of the whole event.
    for (int s = 0; s < 20; s++) {
      for (int p = 0; p < 1000; p++) {
        difficulty.next(EVENT, "p" + p, BASE, clock.instant());
      }
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(difficulty.next(EVENT, "a-new-prefix", BASE, clock.instant())).isEqualTo(BASE);
  }

  @Test
  void joinsOfAnotherEvent_doNotRaiseThisOne() {
    joinsPerSecond(1000, 20);

    assertThat(difficulty.next(new EventId("other"), "p", BASE, clock.instant())).isEqualTo(BASE);
  }

  @Test
  void prefixFlood_fallsBackStepByStep_notAtOnce() {
    long peak = floodFrom("203.0.113.0/24", 50, 20);
    clock.advance(Duration.ofSeconds(10));
    long oneWindowLater = difficulty.next(EVENT, "203.0.113.0/24", BASE, clock.instant());
    clock.advance(Duration.ofSeconds(50));
    long sixWindowsLater = difficulty.next(EVENT, "203.0.113.0/24", BASE, clock.instant());

    // e^-1 of the peak rate after one window; back at the base (below 1 % of it) after six.
    assertThat(oneWindowLater).isBetween(peak / 4, peak / 2);
    assertThat(sixWindowsLater).isEqualTo(BASE);
  }

  @Test
  void moreBusyPrefixesThanTheMapHolds_shareOneRaisedCounter_andTheMapStaysBounded() {
    for (int p = 0; p < AdaptiveDifficulty.MAX_PREFIXES; p++) {
      difficulty.next(EVENT, "busy-" + p, BASE, clock.instant());
    }
    long last = BASE;
    // The map is full of prefixes seen a moment ago: the next thousand fresh ones share a counter.
    for (int p = 0; p < 1000; p++) {
      clock.advanceMillis(1);
      last = difficulty.next(EVENT, "fresh-" + p, BASE, clock.instant());
    }

    assertThat(difficulty.trackedPrefixes())
        .isLessThanOrEqualTo(AdaptiveDifficulty.MAX_PREFIXES + 1);
    assertThat(last).isGreaterThan(BASE * 10);
  }

  @Test
  void fullMapOfQuietPrefixes_isPurged_soNewPrefixesAreTrackedAgain() {
    for (int p = 0; p < AdaptiveDifficulty.MAX_PREFIXES; p++) {
      difficulty.next(EVENT, "old-" + p, BASE, clock.instant());
    }
    clock.advance(Duration.ofMinutes(2));

    long fresh = difficulty.next(EVENT, "fresh", BASE, clock.instant());

    assertThat(difficulty.trackedPrefixes()).isEqualTo(1);
    assertThat(fresh).isEqualTo(BASE);
  }

  @Test
  void difficulty_neverExceedsTheMaximum() {
    assertThat(floodFrom("203.0.113.0/24", 2000, 20)).isEqualTo(QueuePolicy.MAX_DIFFICULTY);
  }
}
