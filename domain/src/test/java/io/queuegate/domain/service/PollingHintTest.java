package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollingHintTest {
  private static final long NO_ETA_CAP = 86_400;

  @ParameterizedTest
  @CsvSource({
    "1, 1000",
    "50, 1000",
    "100, 1000",
    "101, 1010",
    "250, 2500",
    "2999, 29990",
    "3000, 30000",
    "1000000, 30000",
    "9223372036854775807, 30000",
    "0, 1000",
    "-5, 1000"
  })
  void withoutJitter_growsTenMillisecondsPerPlaceBetweenOneAndThirtySeconds(
      long position, long expectedMs) {
    PollingHint hint = new PollingHint(FixedRandom.NO_JITTER);

    assertThat(hint.pollAfterMs(position, NO_ETA_CAP)).isEqualTo(expectedMs);
  }

  @Test
  void jitter_reachesTwentyPercentEitherWay() {
    assertThat(new PollingHint(new FixedRandom(0.0)).pollAfterMs(250, NO_ETA_CAP)).isEqualTo(2000);
    assertThat(new PollingHint(new FixedRandom(0.999_999_999)).pollAfterMs(250, NO_ETA_CAP))
        .isEqualTo(3000);
  }

  @Test
  void manyRandomPositions_stayWithinJitterFloorCeilingAndHalfEta() {
    Random random = new Random(7);
    PollingHint hint = new PollingHint(random);
    Random positions = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      long position =
          positions.nextInt(2) == 0 ? positions.nextInt(4_000) : positions.nextInt(2_000_000);
      long etaSec = positions.nextInt(3) == 0 ? positions.nextInt(40) : NO_ETA_CAP;
      long base = Math.min(30_000, Math.max(1_000, position * 10));

      long ms = hint.pollAfterMs(position, etaSec);

      assertThat(ms).isBetween(500L, 30_000L);
      assertThat(ms).isLessThanOrEqualTo(Math.max(500, etaSec * 500));
      if (etaSec == NO_ETA_CAP) {
        assertThat(ms).isBetween(Math.round(base * 0.8), Math.min(30_000, Math.round(base * 1.2)));
      }
    }
  }

  @Test
  void samePosition_isSpreadByJitter() {
    PollingHint hint = new PollingHint(new Random(3));
    Set<Long> seen = new HashSet<>();

    for (int i = 0; i < 200; i++) {
      seen.add(hint.pollAfterMs(500, NO_ETA_CAP));
    }

    assertThat(seen).hasSizeGreaterThan(50);
    assertThat(seen).allSatisfy(ms -> assertThat(ms).isBetween(4_000L, 6_000L));
  }

  @Test
  void shortEta_capsTheHintAtHalfOfIt() {
    PollingHint hint = new PollingHint(FixedRandom.NO_JITTER);

    assertThat(hint.pollAfterMs(2_000, 4)).isEqualTo(2_000);
    assertThat(hint.pollAfterMs(2_000, 30)).isEqualTo(15_000);
  }

  @Test
  void zeroOrTinyEta_neverGoesBelowTheFloor() {
    PollingHint hint = new PollingHint(new FixedRandom(0.0));

    assertThat(hint.pollAfterMs(1, 0)).isEqualTo(500);
    assertThat(hint.pollAfterMs(1, -3)).isEqualTo(500);
    assertThat(hint.pollAfterMs(1, 1)).isEqualTo(500);
  }

  @Test
  void configuredShape_replacesTheDefaults() {
    PollingHintSettings slow =
        new PollingHintSettings(
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            0,
            Duration.ofSeconds(1));
    PollingHint hint = new PollingHint(FixedRandom.NO_JITTER, slow);

    assertThat(hint.pollAfterMs(1, NO_ETA_CAP)).isEqualTo(2_000);
    assertThat(hint.pollAfterMs(300, NO_ETA_CAP)).isEqualTo(30_000);
    assertThat(hint.pollAfterMs(5_000, NO_ETA_CAP)).isEqualTo(60_000);
    assertThat(hint.pollAfterMs(1, 0)).isEqualTo(1_000);
  }
}
