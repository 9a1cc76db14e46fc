package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.Eta;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.AdmissionLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The estimator against a simulated sale (seeded, no I/O, no wall clock): waiters join, the line
 * drains at the configured rate with any ready waiter entering in random order, and each waiter
 * notices its turn up to a second late. Each admitted waiter's actual wait is compared with what it
 * was told at join: the median relative error of {@code eta_sec} and how often the wait fell within
 * the range (docs/design.md#eta).
 */
class EtaAccuracyTest {
  private static final double STEP_SEC = 0.1;

  /** A sale: who joins when, and the configured rate over time. */
  private record Sale(
      int crowdAtStart,
      double arrivalsPerSec,
      int arrivalSec,
      long readyWindow,
      DoubleUnaryOperator rateAt) {}

  /** The outcome over every admitted waiter. */
  private record Accuracy(double medianError, double coverage, int admitted) {}

  private record Waiting(double joinedAt, Eta told) {}

  private static Accuracy simulate(Sale sale, EtaSettings settings, boolean fullLengthWindows) {
    MutableClock clock = new MutableClock();
    Instant start = clock.instant();
    List<Instant> admissions = new ArrayList<>();
    AdmissionLedger ledger = mock(AdmissionLedger.class);
    when(ledger.admissionHistory(any(), any()))
        .thenAnswer(call -> Histories.of(admissions, call.getArgument(1)));
    EtaEstimator estimator = new EtaEstimator(ledger, clock, settings);
    Random random = new Random(42);
    List<Waiting> line = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    int within = 0;
    double credit = 0;
    double arrivals = 0;
    for (double t = 0; t < 3600 && (t <= sale.arrivalSec() || !line.isEmpty()); t += STEP_SEC) {
      clock.set(start.plusMillis(Math.round(t * 1000)));
      QueuePolicy policy =
          TestWaiters.policy(
              sale.readyWindow(), sale.rateAt().applyAsDouble(t), Duration.ofHours(1));
      int joining = t == 0 ? sale.crowdAtStart() : 0;
      if (t > 0 && t <= sale.arrivalSec()) {
        arrivals += sale.arrivalsPerSec() * STEP_SEC;
        joining += (int) arrivals;
        arrivals -= (int) arrivals;
      }
      for (int i = 0; i < joining; i++) {
        AdmissionRate rate = estimator.rate(EVENT, policy);
        if (fullLengthWindows) {
          // The former estimate: each window's count divided by its full length.
          double old =
              MeasuredRate.weightedRate(
                  Histories.of(admissions, clock.instant()).windows(), 900, settings);
          rate = AdmissionRate.exactly(old > 0 ? old : policy.admissionRatePerSec());
        }
        line.add(new Waiting(t, estimator.estimate(line.size() + 1, rate, policy)));
      }
      double perSec = policy.admissionRatePerSec();
      credit = Math.min(perSec, credit + perSec * STEP_SEC);
      while (credit >= 1 && !line.isEmpty()) {
        credit -= 1;
        Waiting admitted =
            line.remove(random.nextInt((int) Math.min(line.size(), sale.readyWindow())));
        admissions.add(clock.instant());
        double waited = t - admitted.joinedAt() + random.nextDouble();
        Eta told = admitted.told();
        errors.add(Math.abs(told.sec() - waited) / Math.max(1, waited));
        if (told.lowSec() <= waited && waited <= told.highSec()) {
          within++;
        }
      }
    }
    Collections.sort(errors);
    return new Accuracy(
        errors.get(errors.size() / 2), (double) within / errors.size(), errors.size());
  }

  @Test
  void steadySale_pointWithinFifteenPercent_rangeCoversEightyPercent() {
    Sale steady = new Sale(500, 8, 120, 20, t -> 10);

    Accuracy accuracy = simulate(steady, EtaSettings.defaults(), false);

    assertThat(accuracy.admitted()).isEqualTo(500 + 960);
    assertThat(accuracy.medianError()).isLessThanOrEqualTo(0.15);
    assertThat(accuracy.coverage()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void youngSale_measuredRateCountsOnlyTheTimeTheSaleHasRun() {
    // Nobody at the start; joins outpace admissions for a minute, so every estimate is made while
    // the history is younger than its windows.
    Sale young = new Sale(0, 15, 60, 20, t -> 10);

    Accuracy accuracy = simulate(young, EtaSettings.defaults(), false);
    Accuracy former = simulate(young, EtaSettings.defaults(), true);

    assertThat(accuracy.medianError()).isLessThanOrEqualTo(0.15);
    assertThat(accuracy.coverage()).isGreaterThanOrEqualTo(0.8);
    // Dividing by the windows' full length made the rate look several times slower.
    assertThat(former.medianError()).isGreaterThan(1.0);
  }

  @Test
  void rateHalvedThenRestored_rangeStillCoversEightyPercent_pointMissesWhatNobodyAnnounced() {
    Sale halved = new Sale(300, 7, 150, 50, t -> t >= 45 && t < 90 ? 5 : 10);

    Accuracy accuracy = simulate(halved, EtaSettings.defaults(), false);

    assertThat(accuracy.coverage()).isGreaterThanOrEqualTo(0.8);
    // Whoever joined before the slowdown was told the old rate, whoever joined during it the
    // halved one: neither could know what the operator would do next (21 % in this run).
    assertThat(accuracy.medianError()).isBetween(0.15, 0.25);
  }
}
