package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.PositionSource;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import io.queuegate.domain.service.RecordedTouches.Touch;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueStatusServiceTest {
  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(line, clock);
  private final QueueStatusService service =
      Services.status(
          line,
          new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1)),
          new EtaEstimator(ledger, clock),
          new PollingHint(FixedRandom.NO_JITTER),
          heartbeats,
          metrics,
          clock);

  private Waiter standsAt(long position, PositionMethod method) {
    Waiter waiter = TestWaiters.waiter(clock.instant().minusMillis(15_700));
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    when(line.locate(EVENT, waiter.id(), clock.instant()))
        .thenReturn(new WaiterStanding(waiter, position, method));
    return waiter;
  }

  @Test
  void waiter_hearsPositionEtaWholeSecondsWaitedReadinessAndHint() {
    Waiter waiter = standsAt(400, TestWaiters.INDEX);

    WaiterStatus status = service.status(waiter.token().encode());

    // 300 places to the ready window of 100 at 50/s are 6 s, and the median draw within the window
    // ln 2 * 100 / 50 = 1.39 s more: 8 s. The range: 6 s plus a tenth of the draw's mean (6.2 s)
    // to 6 s plus ln 10 times it (10.6 s) and 2 s slack. The hint is 40% of the 6 s.
    assertThat(status)
        .isEqualTo(
            new WaiterStatus(
                400,
                8,
                15,
                false,
                2_400,
                6,
                13,
                false,
                Optional.empty(),
                PositionSource.store(TestWaiters.INDEX)));
    assertThat(status.source().text()).isEqualTo("index");
  }

  @Test
  void youngSaleMeasuringBelowTheConfiguredRate_etaUsesTheMeasuredRateAndTheHintTheConfiguredOne() {
    Waiter waiter = standsAt(400, TestWaiters.INDEX);
    // 600 admissions in the 60 s the sale has run: every window divides by those 60 s, so 10/s
    // (dividing by the windows' full lengths said 5.73/s), while the limiter lets 50/s through.
    when(ledger.admissionHistory(any(), any())).thenReturn(Histories.steady(10, 60));

    WaiterStatus status = service.status(waiter.token().encode());

    assertThat(status.etaSec()).isEqualTo(37);
    assertThat(status.pollAfterMs()).isEqualTo(2_400);
  }

  @Test
  void positionAtTheReadyWindow_isReadyAndOneBeyondIsNot() {
    Waiter atWindow = standsAt(100, TestWaiters.INDEX);
    assertThat(service.status(atWindow.token().encode()).readyForEntry()).isTrue();

    Waiter beyond = standsAt(101, TestWaiters.INDEX);
    assertThat(service.status(beyond.token().encode()).readyForEntry()).isFalse();
  }

  @Test
  void pausedAdmission_isNeverReady() {
    when(stored.find(EVENT))
        .thenReturn(Optional.of(QueuePolicy.defaults().toBuilder().pausedAdmission(true).build()));
    Waiter head = standsAt(1, TestWaiters.INDEX);

    assertThat(service.status(head.token().encode()).readyForEntry()).isFalse();
  }

  @Test
  void statusIsOneStoreReadAndTheHeartbeatWaitsForTheFlush() {
    Waiter waiter = standsAt(3, TestWaiters.INDEX);

    service.status(waiter.token().encode());

    verify(line).locate(EVENT, waiter.id(), clock.instant());
    verifyNoMoreInteractions(line);
    RecordedTouches touches = RecordedTouches.on(line);
    heartbeats.flush();
    assertThat(touches.all())
        .containsExactly(new Touch(EVENT, Set.of(waiter.id()), clock.instant()));
  }

  @Test
  void manyPolls_readPolicyAndAdmissionCountsOncePerSecond() {
    Waiter waiter = standsAt(3, TestWaiters.INDEX);

    for (int i = 0; i < 100; i++) {
      service.status(waiter.token().encode());
    }

    verify(stored, times(1)).find(EVENT);
    verify(ledger, times(1)).admissionHistory(any(), any());
  }

  @Test
  void eachAnswer_countsItsPositionMethod() {
    Waiter waiter = standsAt(3, TestWaiters.SCAN);

    service.status(waiter.token().encode());

    verify(metrics).positionComputed(TestWaiters.SCAN);
  }

  @Test
  void joinTimeAheadOfThisInstancesClock_reportsZeroSecondsWaited() {
    Waiter waiter = TestWaiters.waiter(clock.instant().plusSeconds(3));
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    when(line.locate(EVENT, waiter.id(), clock.instant()))
        .thenReturn(TestWaiters.standing(waiter, 1));

    assertThat(service.status(waiter.token().encode()).waitingTimeSec()).isZero();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"garbage", "concert-2030~short", "bad:event~AbCdEfGhIjKlMnOpQrSt_-"})
  void malformedToken_isNotFoundWithoutAskingTheStore(String token) {
    assertThatThrownBy(() -> service.status(token)).isInstanceOf(WaiterNotFound.class);
    verifyNoInteractions(line, metrics);
  }

  @Test
  void expiredWaiter_hearsExpiredAndSendsNoHeartbeat() {
    Waiter waiter = TestWaiters.waiter(clock.instant());
    when(line.locate(any(), any(), any())).thenThrow(new WaiterExpired());

    assertThatThrownBy(() -> service.status(waiter.token().encode()))
        .isInstanceOf(WaiterExpired.class);
    heartbeats.flush();
    verify(line, times(0)).touch(any(), any(), any());
  }
}
