package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.AdmissionGrant;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SignedAdmission;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class EnterQueueServiceTest {
  private static final QueuePolicy POLICY =
      QueuePolicy.builder()
          .readyWindow(20)
          .admissionRatePerSec(2.5)
          .admissionBurst(7)
          .maxActive(40)
          .maxWaiting(0)
          .heartbeatTimeout(Duration.ofSeconds(60))
          .admissionTtl(Duration.ofSeconds(120))
          .build();

  private final MutableClock clock = new MutableClock();
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final AdmissionTokenSigner signer = mock(AdmissionTokenSigner.class);
  private final WaitingLine line = mock(WaitingLine.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(line, clock);
  private final EnterQueueService service =
      Services.enter(
          ledger,
          new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1)),
          signer,
          heartbeats,
          metrics,
          clock);

  private Waiter admitted(Optional<UserId> userId) {
    Instant now = clock.instant();
    return admitted(TestWaiters.waiter(EVENT, 4, userId, now.minusSeconds(95)));
  }

  private Waiter admitted(Waiter waiter) {
    when(stored.find(EVENT)).thenReturn(Optional.of(POLICY));
    Instant now = clock.instant();
    when(ledger.admit(any(), any()))
        .thenAnswer(
            call -> {
              AdmissionAttempt attempt = call.getArgument(0);
              return new Admission(attempt.admissionId(), waiter, now, now.plus(attempt.ttl()));
            });
    when(signer.sign(any()))
        .thenAnswer(call -> new SignedAdmission("signed-jwt", call.getArgument(0)));
    return waiter;
  }

  @Test
  void enter_asksTheLedgerWithEveryLimitOfThePolicy() {
    Waiter waiter = admitted(Optional.empty());

    service.enter(waiter.token().encode());

    ArgumentCaptor<AdmissionAttempt> attempt = ArgumentCaptor.forClass(AdmissionAttempt.class);
    verify(ledger).admit(attempt.capture(), eq(clock.instant()));
    assertThat(attempt.getValue())
        .usingRecursiveComparison()
        .ignoringFields("admissionId")
        .isEqualTo(
            new AdmissionAttempt(
                EVENT, waiter.id(), 20, false, new Gcra(2.5, 7), 40, "x", Duration.ofSeconds(120)));
    assertThat(UUID.fromString(attempt.getValue().admissionId())).isNotNull();
  }

  @Test
  void pausedAdmission_isPassedToTheAtomicStep() {
    Waiter waiter = admitted(Optional.empty());
    when(stored.find(EVENT))
        .thenReturn(Optional.of(POLICY.toBuilder().pausedAdmission(true).build()));

    service.enter(waiter.token().encode());

    ArgumentCaptor<AdmissionAttempt> attempt = ArgumentCaptor.forClass(AdmissionAttempt.class);
    verify(ledger).admit(attempt.capture(), any());
    assertThat(attempt.getValue().admissionPaused()).isTrue();
  }

  @Test
  void enterWithUserId_signsClaimsForThatUser() {
    Waiter waiter = admitted(Optional.of(new UserId("anonymous")));

    AdmissionGrant grant = service.enter(waiter.token().encode());

    ArgumentCaptor<AdmissionClaims> claims = ArgumentCaptor.forClass(AdmissionClaims.class);
    verify(signer).sign(claims.capture());
    ArgumentCaptor<AdmissionAttempt> attempt = ArgumentCaptor.forClass(AdmissionAttempt.class);
    verify(ledger).admit(attempt.capture(), any());
    Instant now = clock.instant();
    assertThat(claims.getValue())
        .isEqualTo(
            new AdmissionClaims(
                EVENT,
                "anonymous",
                Optional.empty(),
                attempt.getValue().admissionId(),
                now,
                now.plusSeconds(120)));
    assertThat(grant).isEqualTo(new AdmissionGrant("signed-jwt", 120, now.plusSeconds(120)));
  }

  @Test
  void enterWithoutUserId_signsTheWaiterIdAsSubject() {
    Waiter waiter = admitted(Optional.empty());

    service.enter(waiter.token().encode());

    ArgumentCaptor<AdmissionClaims> claims = ArgumentCaptor.forClass(AdmissionClaims.class);
    verify(signer).sign(claims.capture());
    assertThat(claims.getValue().subject()).isEqualTo(waiter.id().value());
  }

  @Test
  void enterAfterAVerifiedJoin_signsTheIdentityBesideTheUserIdTheClientChose() {
    Waiter invited =
        new Waiter(
            EVENT,
            WaiterId.random(),
            4,
            Optional.of(new UserId("somebody-else")),
            Optional.of(new Identity("person-1")),
            clock.instant().minusSeconds(95));
    admitted(invited);

    service.enter(invited.token().encode());

    ArgumentCaptor<AdmissionClaims> claims = ArgumentCaptor.forClass(AdmissionClaims.class);
    verify(signer).sign(claims.capture());
    assertThat(claims.getValue().subject()).isEqualTo("somebody-else");
    assertThat(claims.getValue().identity()).contains(new Identity("person-1"));
  }

  @Test
  void enterWithoutAVerifiedJoin_signsNoIdentity() {
    Waiter waiter = admitted(Optional.of(new UserId("person-1")));

    service.enter(waiter.token().encode());

    ArgumentCaptor<AdmissionClaims> claims = ArgumentCaptor.forClass(AdmissionClaims.class);
    verify(signer).sign(claims.capture());
    assertThat(claims.getValue().identity()).isEmpty();
  }

  @Test
  void enter_recordsHowLongTheWaiterWaited() {
    Waiter waiter = admitted(Optional.empty());

    service.enter(waiter.token().encode());

    verify(metrics).admitted(EVENT, Duration.ofSeconds(95));
    // Without a stamp there is nothing to compare the wait with.
    verify(metrics, never()).etaAtJoin(any(), any(), any());
  }

  @Test
  void enterWithAStampedToken_recordsTheEtaToldAtJoinAgainstTheWait() {
    Waiter waiter = admitted(Optional.empty());
    String stamped = waiter.token().encode(TestWaiters.STAMPS.stamp(waiter.token(), 80));

    service.enter(stamped);

    verify(metrics).etaAtJoin(EVENT, Duration.ofSeconds(80), Duration.ofSeconds(95));
  }

  @Test
  void enterWithAForgedStamp_recordsNoEtaError() {
    Waiter waiter = admitted(Optional.empty());
    String forged = waiter.token().encode(new FakeEtaStamps("guess").stamp(waiter.token(), 95));

    service.enter(forged);

    verify(metrics).admitted(EVENT, Duration.ofSeconds(95));
    verify(metrics, never()).etaAtJoin(any(), any(), any());
  }

  @Test
  void enter_dropsThePendingHeartbeatOfTheAdmittedWaiter() {
    Waiter waiter = admitted(Optional.empty());
    heartbeats.record(EVENT, waiter.id());

    service.enter(waiter.token().encode());
    heartbeats.flush();

    verifyNoInteractions(line);
  }

  @Test
  void notReady_isPassedOnAndNothingIsSigned() {
    Waiter waiter = admitted(Optional.empty());
    doThrow(NotReady.beyondWindow(50, 20, 2.5)).when(ledger).admit(any(), any());

    assertThatThrownBy(() -> service.enter(waiter.token().encode()))
        .isInstanceOf(NotReady.class)
        .extracting(e -> ((NotReady) e).reason())
        .isEqualTo(NotReady.Reason.BEYOND_READY_WINDOW);
    verify(signer, never()).sign(any());
    verifyNoInteractions(metrics);
  }

  @Test
  void notReady_asksBackWithinAThirdOfTheHeartbeatTimeoutAndCountsAsASignOfLife() {
    Waiter waiter = admitted(Optional.empty());
    doThrow(NotReady.beyondWindow(5_000, 20, 2.5)).when(ledger).admit(any(), any());
    RecordedTouches touches = RecordedTouches.on(line);

    // 30 s would be the answer; the policy's 60 s heartbeat timeout allows at most 20 s.
    assertThatThrownBy(() -> service.enter(waiter.token().encode()))
        .isInstanceOfSatisfying(
            NotReady.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(20)));
    heartbeats.flush();

    assertThat(touches.all())
        .singleElement()
        .satisfies(t -> assertThat(t.ids()).containsExactly(waiter.id()));
  }

  @Test
  void malformedToken_isNotFoundWithoutAskingTheStore() {
    assertThatThrownBy(() -> service.enter("not-a-token")).isInstanceOf(WaiterNotFound.class);
    verifyNoInteractions(ledger, signer);
  }
}
