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

  @Test
  void eventWideRush_raisesEveryPrefix() {
    // 1,000 prefixes a second, each once a second: no prefix is fast, the event is twice its rate.
    for (int s = 0; s < 20; s++) {
      for (int p = 0; p < 1000; p++) {
        difficulty.next(EVENT, "p" + p, BASE, clock.instant());
      }
      clock.advance(Duration.ofSeconds(1));
    }

    long fresh = difficulty.next(EVENT, "a-new-prefix", BASE, clock.instant());

    assertThat(fresh).isGreaterThan(BASE * 3 / 2);
  }

  @Test
  void difficulty_neverExceedsTheMaximum() {
    assertThat(floodFrom("203.0.113.0/24", 2000, 20)).isEqualTo(QueuePolicy.MAX_DIFFICULTY);
  }
}
