package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.AdmissionLedger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EtaEstimatorTest {
  private static final QueuePolicy POLICY = TestWaiters.policy(100, 50, Duration.ofSeconds(300));

  private final MutableClock clock = new MutableClock();
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final EtaEstimator estimator = new EtaEstimator(ledger, clock);

  @Test
  void beforeAnyAdmission_rateIsTheConfiguredRate() {
    when(ledger.admissionHistory(EVENT, clock.instant())).thenReturn(AdmissionHistory.NONE);

    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isEqualTo(50);
  }

  @Test
  void
      ledgerUnavailable_rateIsTheConfiguredRate_atOnceDuringTheBackoff_thenTheLedgerIsAskedAgain() {
    when(ledger.admissionHistory(any(), any()))
        .thenThrow(new StoreUnavailableException("down", null))
        .thenReturn(Histories.steady(1.0, 900));

    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isEqualTo(50);
    // A slow ledger is not asked by every caller in turn: each would wait out its timeout.
    clock.advance(EtaEstimator.BACKOFF.minusMillis(1));
    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isEqualTo(50);
    verify(ledger, times(1)).admissionHistory(any(), any());

    clock.advanceMillis(1);
    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isCloseTo(1.0, within(1e-9));
    verify(ledger, times(2)).admissionHistory(any(), any());
  }

  @Test
  void allWindowsWithData_areWeightedHalfThirtyTwenty() {
    // 2/s over 60 s, 1/s over 300 s, 0.5/s over 900 s.
    AdmissionWindows counts = new AdmissionWindows(120, 300, 450);

    assertThat(MeasuredRate.weightedRate(counts, 900, EtaSettings.defaults()))
        .isCloseTo(0.5 * 2 + 0.3 + 0.2 * 0.5, within(1e-9));
  }

  @Test
  void windowsWithoutData_takeNoPartAndWeightsAreNormalised() {
    // Nothing in the last 300 s, 0.1/s over 900 s: only the 900 s window counts, at full weight.
    assertThat(
            MeasuredRate.weightedRate(new AdmissionWindows(0, 0, 90), 900, EtaSettings.defaults()))
        .isCloseTo(0.1, within(1e-9));
    // 300 s and 900 s windows at 0.5/s and 1/s, weights 0.3 and 0.2 normalised to 0.6 and 0.4.
    assertThat(
            MeasuredRate.weightedRate(
                new AdmissionWindows(0, 150, 900), 900, EtaSettings.defaults()))
        .isCloseTo(0.6 * 0.5 + 0.4 * 1.0, within(1e-9));
  }

  @Test
  void admissionsSeen_replaceTheConfiguredRate() {
    when(ledger.admissionHistory(EVENT, clock.instant())).thenReturn(Histories.steady(1.0, 900));

    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void ledgerIsAskedAtMostOncePerSecondPerEvent() {
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    EventId other = new EventId("other");

    for (int i = 0; i < 100; i++) {
      estimator.ratePerSecond(EVENT, POLICY);
      estimator.ratePerSecond(other, POLICY);
      clock.advanceMillis(9);
    }
    verify(ledger, times(1)).admissionHistory(eq(EVENT), any());
    verify(ledger, times(1)).admissionHistory(eq(other), any());

    clock.advanceMillis(100);
    estimator.ratePerSecond(EVENT, POLICY);
    verify(ledger, times(2)).admissionHistory(eq(EVENT), any());
  }

  @Test
  void cachedCounts_stillFollowAPolicyChangeAtOnce() {
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    estimator.ratePerSecond(EVENT, POLICY);

    double rate = estimator.ratePerSecond(EVENT, TestWaiters.policy(100, 7, Duration.ofSeconds(9)));

    assertThat(rate).isEqualTo(7);
    verify(ledger, times(1)).admissionHistory(any(), any());
  }

  @Test
  void measuredRateOfACachedHistory_followsAPolicyChangeBothWays() {
    // 10/s measured: a configured rate below it caps the estimate, one above it lets it show.
    when(ledger.admissionHistory(any(), any())).thenReturn(Histories.steady(10.0, 900));
    QueuePolicy slow = TestWaiters.policy(100, 4, Duration.ofSeconds(300));

    assertThat(estimator.rate(EVENT, POLICY)).isEqualTo(estimator.rate(EVENT, POLICY));
    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isCloseTo(10.0, within(1e-9));
    assertThat(estimator.ratePerSecond(EVENT, slow)).isEqualTo(4);
    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isCloseTo(10.0, within(1e-9));
    verify(ledger, times(1)).admissionHistory(any(), any());
  }

  @ParameterizedTest
  @CsvSource({
    "10, 1.0, 10",
    "100, 50, 2",
    "101, 50, 3",
    "1, 50, 1",
    "7, 0.5, 14",
    "3, 0.3, 10",
    "1000, 10, 100",
    "0, 5, 0",
    "-4, 5, 0"
  })
  void eta_isCeilingOfPositionOverRate(long position, double rate, long eta) {
    assertThat(EtaEstimator.etaSeconds(position, rate, EtaSettings.defaults())).isEqualTo(eta);
  }

  @Test
  void eta_isCappedAtOneDay() {
    assertThat(EtaEstimator.etaSeconds(1_000_000, 0.01, EtaSettings.defaults())).isEqualTo(86_400);
    assertThat(EtaEstimator.etaSeconds(86_401, 1, EtaSettings.defaults())).isEqualTo(86_400);
    assertThat(EtaEstimator.etaSeconds(86_400, 1, EtaSettings.defaults())).isEqualTo(86_400);
    assertThat(EtaEstimator.etaSeconds(86_399, 1, EtaSettings.defaults())).isEqualTo(86_399);
    assertThat(EtaEstimator.etaSeconds(Long.MAX_VALUE, 1e-6, EtaSettings.defaults()))
        .isEqualTo(86_400);
  }

  @Test
  void eta_withNoUsableRate_isTheCap() {
    assertThat(EtaEstimator.etaSeconds(5, 0, EtaSettings.defaults())).isEqualTo(86_400);
    assertThat(EtaEstimator.etaSeconds(5, Double.NaN, EtaSettings.defaults())).isEqualTo(86_400);
  }

  @Test
  void configuredWeightsFactorAndCap_replaceTheDefaults() {
    EtaSettings onlyLastMinute = new EtaSettings(1, 0, 0, 1.0, 600);

    assertThat(MeasuredRate.weightedRate(new AdmissionWindows(120, 300, 900), 900, onlyLastMinute))
        .isEqualTo(2.0);
    assertThat(EtaEstimator.etaSeconds(100, 2.0, onlyLastMinute)).isEqualTo(50);
    assertThat(EtaEstimator.etaSeconds(10_000, 2.0, onlyLastMinute)).isEqualTo(600);
  }

  @Test
  void ledgerFailsAfterAHistoryWasRead_theLastHistoryServesWithinTheGrace_thenTheConfiguredRate() {
    when(ledger.admissionHistory(any(), any()))
        .thenReturn(Histories.steady(1.0, 900))
        .thenThrow(new StoreUnavailableException("down", null));
    estimator.ratePerSecond(EVENT, POLICY);
    clock.advance(Duration.ofSeconds(1));

    // The measured rate goes on; the configured one would tell everyone a different ETA at once.
    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isCloseTo(1.0, within(1e-9));
    verify(ledger, times(2)).admissionHistory(any(), any());

    clock.advance(EtaEstimator.GRACE);
    assertThat(estimator.ratePerSecond(EVENT, POLICY)).isEqualTo(50);
  }

  @Test
  void withARefresher_noCallerWaitsForTheLedger_whileAHistoryWithinItsGraceServes() {
    Queue<Runnable> reads = new ArrayDeque<>();
    EtaEstimator refreshed = new EtaEstimator(ledger, clock, EtaSettings.defaults(), reads::add);
    when(ledger.admissionHistory(any(), any()))
        .thenReturn(AdmissionHistory.NONE)
        .thenReturn(Histories.steady(1.0, 900));
    assertThat(refreshed.ratePerSecond(EVENT, POLICY)).isEqualTo(50);
    clock.advance(Duration.ofSeconds(1));

    assertThat(refreshed.ratePerSecond(EVENT, POLICY)).isEqualTo(50);
    verify(ledger, times(1)).admissionHistory(any(), any());

    reads.poll().run();
    assertThat(refreshed.ratePerSecond(EVENT, POLICY)).isCloseTo(1.0, within(1e-9));
  }
}
