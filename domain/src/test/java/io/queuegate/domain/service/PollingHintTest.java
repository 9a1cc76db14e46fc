package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.QueuePolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollingHintTest {
  private static final long WINDOW = 100;
  private static final PollingHint NO_JITTER = new PollingHint(FixedRandom.NO_JITTER);

  /** The ETA the services hand over: ceil(position / rate * 1.1), at most a day. */
  private static long eta(long position, double ratePerSec) {
    return EtaEstimator.etaSeconds(position, ratePerSec, EtaSettings.defaults());
  }

  private static long hintAt(PollingHint hint, long position, double ratePerSec) {
    return hint.pollAfterMs(position, WINDOW, ratePerSec, eta(position, ratePerSec));
  }

  private static QueuePolicy policy(long readyWindow, double ratePerSec) {
    return QueuePolicy.builder()
        .readyWindow(readyWindow)
        .admissionRatePerSec(ratePerSec)
        .admissionBurst(1)
        .maxActive(0)
        .maxWaiting(0)
        .heartbeatTimeout(Duration.ofMinutes(5))
        .admissionTtl(Duration.ofMinutes(5))
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    // position, rate/s, expected ms: 40% of (position - 100) / rate, in [1 s, 30 s]
    "101, 5, 1000", // 0.2 s until ready: near the head
    "150, 5, 4000", // 10 s until ready
    "300, 5, 16000", // 40 s until ready
    "1000, 5, 30000", // 180 s until ready: the ceiling
    "300, 25, 3200", // 8 s until ready
    "1000, 25, 14400", // 36 s until ready
    "300, 50, 1600", // 4 s until ready
    "9223372036854775807, 5, 30000"
  })
  void withoutJitter_isFortyPercentOfTheWaitUntilReadyBetweenOneAndThirtySeconds(
      long position, double rate, long expectedMs) {
    assertThat(hintAt(NO_JITTER, position, rate)).isEqualTo(expectedMs);
  }

  @Test
  void atAFixedRate_growsWithPosition() {
    long previous = 0;
    for (long position = 1; position <= 5_000; position++) {
      long ms = hintAt(NO_JITTER, position, 5);

      assertThat(ms).isGreaterThanOrEqualTo(previous);
      previous = ms;
    }
    assertThat(hintAt(NO_JITTER, 101, 5)).isEqualTo(1_000);
    assertThat(previous).isEqualTo(30_000);
  }

  @Test
  void samePosition_slowLineGetsLongPollsAndFastLineShortOnes() {
    assertThat(hintAt(NO_JITTER, 2_000, 5)).isEqualTo(30_000);
    assertThat(hintAt(NO_JITTER, 2_000, 50)).isEqualTo(15_200);
    assertThat(hintAt(NO_JITTER, 2_000, 500)).isEqualTo(1_520);
  }

  @Test
  void readyWaiter_getsTheNearHeadHintHoweverSlowTheLine() {
    assertThat(hintAt(NO_JITTER, 100, 5)).isEqualTo(1_000);
    assertThat(hintAt(NO_JITTER, 60, 0.1)).isEqualTo(1_000);
    assertThat(NO_JITTER.pollAfterMs(5_000, 10_000, 1, 86_400)).isEqualTo(1_000);
  }

  @Test
  void jitter_reachesTwentyPercentEitherWay() {
    assertThat(hintAt(new PollingHint(new FixedRandom(0.0)), 300, 5)).isEqualTo(12_800);
    assertThat(hintAt(new PollingHint(new FixedRandom(0.999_999_999)), 300, 5)).isEqualTo(19_200);
  }

  @Test
  void samePosition_isSpreadByJitter() {
    PollingHint hint = new PollingHint(new Random(3));
    Set<Long> seen = new HashSet<>();

    for (int i = 0; i < 200; i++) {
      seen.add(hintAt(hint, 300, 5));
    }

    assertThat(seen).hasSizeGreaterThan(50);
    assertThat(seen).allSatisfy(ms -> assertThat(ms).isBetween(12_800L, 19_200L));
  }

  @Test
  void farBack_neverExceedsTheCeilingEvenWithJitter() {
    PollingHint highest = new PollingHint(new FixedRandom(0.999_999_999));

    assertThat(highest.pollAfterMs(1_000_000, WINDOW, 5, 86_400)).isEqualTo(30_000);
    assertThat(highest.pollAfterMs(Long.MAX_VALUE, WINDOW, 5, Long.MAX_VALUE)).isEqualTo(30_000);
    assertThat(highest.pollAfterMs(1_000, WINDOW, 0, 86_400)).isEqualTo(30_000);
  }

  @Test
  void shortEta_capsTheHintAtHalfOfIt() {
    PollingHintSettings eager =
        new PollingHintSettings(0.5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.9, floor());
    PollingHint hint = new PollingHint(new FixedRandom(0.999_999_999), eager);

    // 40 s until ready without a ready window: half of it is 20 s, the jitter would make it 38 s,
    // and half of a 40 s ETA caps it at 20 s.
    assertThat(hint.pollAfterMs(10_000, 0, 250, 40)).isEqualTo(20_000);
    // At the head the near-head second is more than half of a 1 s ETA.
    assertThat(NO_JITTER.pollAfterMs(3, WINDOW, 50, 1)).isEqualTo(500);
    assertThat(NO_JITTER.pollAfterMs(30, WINDOW, 50, 1)).isEqualTo(500);
  }

  @Test
  void zeroOrNegativeEtaOrPosition_neverGoesBelowTheFloor() {
    PollingHint lowest = new PollingHint(new FixedRandom(0.0));

    assertThat(lowest.pollAfterMs(1, WINDOW, 50, 0)).isEqualTo(500);
    assertThat(lowest.pollAfterMs(1, WINDOW, 50, -3)).isEqualTo(500);
    assertThat(lowest.pollAfterMs(0, WINDOW, 50, 0)).isEqualTo(500);
    assertThat(lowest.pollAfterMs(-5, -5, 50, 0)).isEqualTo(500);
  }

  @Test
  void manyRandomWaiters_stayWithinJitterFloorCeilingAndHalfEta() {
    PollingHint hint = new PollingHint(new Random(7));
    Random draw = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      long position = draw.nextInt(2) == 0 ? 1 + draw.nextInt(4_000) : 1 + draw.nextInt(2_000_000);
      long window = 1 + draw.nextInt(500);
      double rate = 0.1 + draw.nextDouble() * 200;
      long etaSec = eta(position, rate);
      double untilReadyMs = position <= window ? 0 : (position - window) / rate * 1000.0;
      long base = Math.min(30_000, Math.max(1_000, Math.round(0.4 * untilReadyMs)));

      long ms = hint.pollAfterMs(position, window, rate, etaSec);

      assertThat(ms).isBetween(500L, 30_000L);
      assertThat(ms).isLessThanOrEqualTo(Math.max(500, etaSec * 500));
      assertThat(ms).isLessThanOrEqualTo(Math.max(1_200, Math.round(0.48 * untilReadyMs) + 1));
      if (etaSec * 500 >= 30_000) {
        assertThat(ms).isBetween(Math.round(base * 0.8), Math.min(30_000, Math.round(base * 1.2)));
      }
    }
  }

  @Test
  void configuredShape_replacesTheDefaults() {
    PollingHintSettings slow =
        new PollingHintSettings(
            0.25, Duration.ofSeconds(2), Duration.ofSeconds(60), 0, Duration.ofSeconds(1));
    PollingHint hint = new PollingHint(FixedRandom.NO_JITTER, slow);

    assertThat(hint.pollAfterMs(50, WINDOW, 5, 86_400)).isEqualTo(2_000);
    // A quarter of 180 s until ready at 5/s.
    assertThat(hint.pollAfterMs(1_000, WINDOW, 5, eta(1_000, 5))).isEqualTo(45_000);
    assertThat(hint.pollAfterMs(5_000, WINDOW, 5, 86_400)).isEqualTo(60_000);
    assertThat(hint.pollAfterMs(1, WINDOW, 5, 0)).isEqualTo(1_000);
  }

  @Test
  void measuredRateBelowTheConfiguredOne_reckonsTheWaitAtTheConfiguredRate() {
    // A young sale measures 9.5/s while the limiter lets 25/s through: the line reaches a waiter
    // at place 300 in 8 s, and a hint from 9.5/s (21 s until ready, 8.4 s) would sleep past it.
    long eta = eta(300, 9.5);

    assertThat(NO_JITTER.pollAfterMs(300, policy(100, 25), 9.5, eta)).isEqualTo(3_200);
  }

  @Test
  void measuredRateAboveTheConfiguredOne_reckonsTheWaitAtTheMeasuredRate() {
    // A burst moves the line faster than the configured rate for a while.
    assertThat(NO_JITTER.pollAfterMs(300, policy(100, 25), 50, eta(300, 50))).isEqualTo(1_600);
  }

  @Test
  void heartbeatTimeoutOfTwentySeconds_capsEveryHintAtAThirdOfIt() {
    PollingHint highest = new PollingHint(new FixedRandom(0.999_999_999));
    QueuePolicy farBack =
        policy(1, 0.01).toBuilder().heartbeatTimeout(Duration.ofSeconds(20)).build();

    // Far back in a slow line the hint would be the 30 s ceiling: a waiter who followed it would
    // be reaped after 20 s. A third of the timeout leaves room for two lost polls.
    assertThat(highest.pollAfterMs(5_000, farBack, 0.01, 86_400)).isEqualTo(6_666);
    assertThat(NO_JITTER.pollAfterMs(300, farBack, 0.01, 86_400)).isEqualTo(6_666);
    // Where the hint is shorter anyway, it stays as it was.
    assertThat(NO_JITTER.pollAfterMs(1, farBack, 0.01, 86_400)).isEqualTo(1_000);
  }

  @Test
  void defaultTimeout_leavesTheHintAsItWas() {
    assertThat(NO_JITTER.pollAfterMs(5_000, policy(100, 5), 5, 86_400)).isEqualTo(30_000);
  }

  @Test
  void shareOutsideZeroToHalf_isRefused() {
    for (double share : new double[] {0, -0.1, 0.51, 1, Double.NaN}) {
      assertThatThrownBy(
              () ->
                  new PollingHintSettings(
                      share, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, floor()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("share-of-wait-until-ready");
    }
  }

  private static Duration floor() {
    return Duration.ofMillis(500);
  }
}
