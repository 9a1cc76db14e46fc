package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GcraTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  /** Replays the limiter the way a store would: keeps the arrival time between decisions. */
  private static final class Bucket {
    private final Gcra gcra;
    private Instant tat;

    Bucket(Gcra gcra) {
      this.gcra = gcra;
    }

    Gcra.Decision take(Instant now) {
      Gcra.Decision decision = gcra.decide(tat, now);
      if (decision.allowed()) {
        tat = decision.tat();
      }
      return decision;
    }
  }

  // Rates whose emission interval is a whole number of nanoseconds, so the bound is exact.
  @ParameterizedTest
  @CsvSource({"0.5, 1", "0.5, 4", "2.5, 1", "5, 10", "40, 3", "1000, 50"})
  void constantDemand_neverExceedsRateTimesTimePlusBurst(double rate, long burst) {
    Gcra gcra = new Gcra(rate, burst);
    Bucket bucket = new Bucket(gcra);
    List<Instant> allowed = new ArrayList<>();
    // Eight requests per emission interval: demand always outruns the limit.
    Duration step = Duration.ofNanos(gcra.emissionIntervalNanos() / 8);
    for (Instant now = T0; now.isBefore(T0.plusSeconds(60)); now = now.plus(step)) {
      if (bucket.take(now).allowed()) {
        allowed.add(now);
      }
    }

    assertWithinBound(allowed, rate, burst);
    // And the limiter really delivers its rate: demand was always there.
    assertThat((double) allowed.size()).isGreaterThanOrEqualTo(rate * 60);
  }

  @ParameterizedTest
  @CsvSource({"0.5, 2", "2.5, 5", "40, 1", "1000, 20"})
  void randomDemand_neverExceedsRateTimesTimePlusBurst(double rate, long burst) {
    Random random = new Random(42);
    Bucket bucket = new Bucket(new Gcra(rate, burst));
    List<Instant> allowed = new ArrayList<>();
    Instant now = T0;
    for (int i = 0; i < 20_000; i++) {
      // Bursts of simultaneous requests mixed with gaps of up to 3 emission intervals.
      long gapNanos = random.nextInt(4) == 0 ? 0 : (long) (random.nextDouble() * 3e9 / rate);
      now = now.plusNanos(gapNanos);
      if (bucket.take(now).allowed()) {
        allowed.add(now);
      }
    }

    assertWithinBound(allowed, rate, burst);
  }

  @Test
  void halfPerSecond_allowsOneMoreAfterExactlyTwoSecondsNotBefore() {
    Bucket bucket = new Bucket(new Gcra(0.5, 1));
    assertThat(bucket.take(T0).allowed()).isTrue();

    assertThat(bucket.take(T0.plusMillis(1_900)).allowed()).isFalse();
    assertThat(bucket.take(T0.plusMillis(1_999)).allowed()).isFalse();
    assertThat(bucket.take(T0.plusSeconds(2)).allowed()).isTrue();
    assertThat(bucket.take(T0.plusSeconds(2)).allowed()).isFalse();
  }

  @Test
  void afterBurstIsUsed_refillIsFractional() {
    Bucket bucket = new Bucket(new Gcra(0.5, 3));
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.take(T0).allowed()).isTrue();
    }

    assertThat(bucket.take(T0.plusMillis(1_900)).allowed()).isFalse();
    assertThat(bucket.take(T0.plusSeconds(2)).allowed()).isTrue();
  }

  @Test
  void refusal_saysWhenTheNextOneIsAllowed() {
    Bucket bucket = new Bucket(new Gcra(0.5, 1));
    bucket.take(T0);

    Gcra.Decision refused = bucket.take(T0.plusMillis(500));

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(1_500));
    assertThat(refused.remaining()).isZero();
  }

  @Test
  void remaining_countsDownThroughTheBurst() {
    Bucket bucket = new Bucket(new Gcra(10, 3));

    assertThat(bucket.take(T0).remaining()).isEqualTo(2);
    assertThat(bucket.take(T0).remaining()).isEqualTo(1);
    assertThat(bucket.take(T0).remaining()).isZero();
    assertThat(bucket.take(T0).allowed()).isFalse();
  }

  @Test
  void fullBucket_resetsAfterTheTimeItsUseTakesToRefill() {
    Bucket bucket = new Bucket(new Gcra(10, 3));
    bucket.take(T0);
    Gcra.Decision second = bucket.take(T0);

    assertThat(second.resetAfter()).isEqualTo(Duration.ofMillis(200));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void nonPositiveOrNonFiniteRate_isRejected(double rate) {
    assertThatThrownBy(() -> new Gcra(rate, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void burstBelowOne_isRejected() {
    assertThatThrownBy(() -> new Gcra(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  // Today's limits: a burst of a million at a millionth of a request per second. The tolerance,
  // interval x (burst - 1) in nanoseconds, would be 1e21: beyond a long and far beyond the 2^53
  // that the store's Lua doubles hold exactly.
  @ParameterizedTest
  @CsvSource({"0.000001, 1000000", "0.1, 1000000", "1e-12, 1", "1e-300, 1", "1, 9007199"})
  void rateAndBurstWhoseSpanOverflows_areRejected(double rate, long burst) {
    assertThatThrownBy(() -> new Gcra(rate, burst))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("burst");
  }

  @Test
  void largestSpan_isAccepted_andCountsItsBurstExactly() {
    // (burst + 1) x interval = 9007 x 1e12 ns, just below 2^53 ns (about 104 days).
    Gcra widest = new Gcra(0.001, 9006);
    Bucket bucket = new Bucket(widest);

    long allowed = 0;
    while (bucket.take(T0).allowed()) {
      allowed++;
    }

    assertThat(allowed).isEqualTo(9006);
    assertThat(widest.toleranceNanos()).isEqualTo(9005L * 1_000_000_000_000L);
    assertThat(new Gcra(1, 9_007_198).toleranceNanos()).isPositive();
  }

  /**
   * In every window between two admissions i <= j, count = j - i + 1 must be at most rate * (t_j -
   * t_i) + burst. With f(k) = k - rate * t_k that is f(j) - min(f(i), i <= j) + 1 <= burst, which
   * one pass checks for all windows at once.
   */
  private static void assertWithinBound(List<Instant> allowed, double rate, long burst) {
    assertThat(allowed).isNotEmpty();
    double minF = Double.POSITIVE_INFINITY;
    for (int k = 0; k < allowed.size(); k++) {
      double seconds = Duration.between(T0, allowed.get(k)).toNanos() / 1e9;
      double f = k - rate * seconds;
      minF = Math.min(minF, f);
      double worstCountOverBound = f - minF + 1 - burst;
      assertThat(worstCountOverBound)
          .as("admissions up to %s over rate * time + burst", allowed.get(k))
          .isLessThanOrEqualTo(1e-6);
    }
  }
}
