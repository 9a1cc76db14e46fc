package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.EnqueueTokenRequired;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidEnqueueToken;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class JoinQueueServiceTest {
  private static final Optional<UserId> ANONYMOUS = Optional.of(new UserId("anonymous"));

  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final EnqueueTokenVerifier verifier = mock(EnqueueTokenVerifier.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final JoinQueueService service =
      Services.join(
          line,
          new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1)),
          verifier,
          new EtaEstimator(ledger, clock),
          new PollingHint(FixedRandom.NO_JITTER),
          metrics,
          clock);

  private void policy(QueuePolicy policy) {
    when(stored.find(EVENT)).thenReturn(Optional.of(policy));
  }

  private Waiter joinsAt(long position, boolean existing) {
    Waiter waiter = TestWaiters.waiter(clock.instant());
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    when(line.join(any(), anyLong(), any()))
        .thenReturn(new Joined(new WaiterStanding(waiter, position, TestWaiters.INDEX), existing));
    return waiter;
  }

  @Test
  void newJoin_getsTokenPositionEtaAndHint() {
    Waiter waiter = joinsAt(100, false);

    JoinReceipt receipt = service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.empty()));

    // All 100 places are within the ready window: the median draw at the configured 50/s is
    // ln 2 * 100 / 50 = 1.4 s, so 2 s, with a range from 0 to ln 10 * 2 s + 2 s = 7 s. Within the
    // window the hint is the near-head 1 s. The stamp seals the 2 s.
    assertThat(receipt)
        .isEqualTo(
            new JoinReceipt(
                waiter.token(),
                100,
                2,
                1_000,
                0,
                7,
                TestWaiters.STAMPS.stamp(waiter.token(), 2, SealedPlace.of(waiter)),
                EntrantId.of(waiter.id()),
                false,
                Optional.empty(),
                Optional.empty()));
    assertThat(TestWaiters.STAMPS.etaAtJoin(receipt.waitingToken())).hasValue(2);
    assertThat(TestWaiters.STAMPS.placeOf(receipt.waitingToken()))
        .contains(new SealedPlace(waiter.sequence(), waiter.joinedAt()));
    verify(metrics).joined(EVENT);
    verify(metrics).positionComputed(TestWaiters.INDEX);
  }

  @Test
  void newJoin_storesAFreshWaiterWithTheUserIdAndLineCapacity() {
    policy(
        QueuePolicy.builder()
            .readyWindow(100)
            .admissionRatePerSec(50)
            .admissionBurst(500)
            .maxActive(0)
            .maxWaiting(1_000)
            .heartbeatTimeout(Duration.ofSeconds(300))
            .admissionTtl(Duration.ofSeconds(300))
            .build());
    joinsAt(1, false);

    service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.empty()));

    ArgumentCaptor<NewWaiter> stored = ArgumentCaptor.forClass(NewWaiter.class);
    verify(line).join(stored.capture(), eq(1_000L), eq(clock.instant()));
    assertThat(stored.getValue().eventId()).isEqualTo(EVENT);
    assertThat(stored.getValue().userId()).isEqualTo(ANONYMOUS);
    assertThat(stored.getValue().identity()).isEmpty();
  }

  @Test
  void twoAnonymousJoins_askForTwoDifferentPlaces() {
    joinsAt(1, false);

    service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.empty()));
    service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.empty()));

    ArgumentCaptor<NewWaiter> stored = ArgumentCaptor.forClass(NewWaiter.class);
    verify(line, times(2)).join(stored.capture(), anyLong(), any());
    assertThat(stored.getAllValues().get(0).id()).isNotEqualTo(stored.getAllValues().get(1).id());
  }

  @Test
  void validEnqueueToken_joinsWithTheVerifiedIdentity() {
    when(verifier.verify("jwt", EVENT, clock.instant())).thenReturn(new Identity("person-1"));
    joinsAt(1, false);

    service.join(new JoinCommand(EVENT, Optional.empty(), Optional.of("jwt")));

    ArgumentCaptor<NewWaiter> stored = ArgumentCaptor.forClass(NewWaiter.class);
    verify(line).join(stored.capture(), anyLong(), any());
    assertThat(stored.getValue().identity()).contains(new Identity("person-1"));
  }

  @Test
  void joinTwiceWithSameIdentity_returnsExistingTokenWithoutCountingAJoin() {
    when(verifier.verify("jwt", EVENT, clock.instant())).thenReturn(new Identity("person-1"));
    Waiter existing = joinsAt(12, true);

    JoinReceipt receipt =
        service.join(new JoinCommand(EVENT, Optional.empty(), Optional.of("jwt")));

    assertThat(receipt.token()).isEqualTo(existing.token());
    assertThat(receipt.position()).isEqualTo(12);
    verify(metrics, never()).joined(any());
    verify(metrics).positionComputed(TestWaiters.INDEX);
  }

  @Test
  void pausedJoins_areRefusedBeforeAnythingIsStored() {
    policy(QueuePolicy.defaults().toBuilder().pausedJoins(true).build());

    assertThatThrownBy(() -> service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.of("jwt"))))
        .isInstanceOf(EventPaused.class);
    verifyNoInteractions(line, verifier, metrics);
  }

  @Test
  void requiredEnqueueTokenMissing_isRefused() {
    policy(
        QueuePolicy.builder()
            .readyWindow(100)
            .admissionRatePerSec(50)
            .admissionBurst(500)
            .maxActive(0)
            .maxWaiting(0)
            .heartbeatTimeout(Duration.ofSeconds(300))
            .admissionTtl(Duration.ofSeconds(300))
            .requireEnqueueToken(true)
            .build());

    assertThatThrownBy(() -> service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.empty())))
        .isInstanceOf(EnqueueTokenRequired.class);
    verifyNoInteractions(line, metrics);
  }

  @Test
  void invalidEnqueueToken_isRefusedEvenWhenNotRequired() {
    when(verifier.verify("forged", EVENT, clock.instant()))
        .thenThrow(new InvalidEnqueueToken("bad signature"));

    assertThatThrownBy(() -> service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.of("forged"))))
        .isInstanceOf(InvalidEnqueueToken.class);
    verifyNoInteractions(line, metrics);
  }

  @Test
  void fullLine_isReportedAndNotCountedAsAJoin() {
    when(line.join(any(), anyLong(), any())).thenThrow(new QueueFull());

    assertThatThrownBy(() -> service.join(new JoinCommand(EVENT, ANONYMOUS, Optional.empty())))
        .isInstanceOf(QueueFull.class);
    verifyNoInteractions(metrics);
  }
}
