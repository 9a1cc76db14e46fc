package io.queuegate.domain.service;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.AdmissionGrant;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SignedAdmission;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.EnterQueueUseCase;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.EtaStamps;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Lets a ready waiter into the booking flow in one atomic store step and signs its token. */
public final class EnterQueueService implements EnterQueueUseCase {
  private final AdmissionLedger ledger;
  private final PolicyCatalog policies;
  private final AdmissionTokenSigner signer;
  private final HeartbeatCoalescer heartbeats;
  private final QueueMetrics metrics;
  private final EtaStamps stamps;
  private final Clock clock;
  private final Optional<SaleOpening> opening;

  /** With {@code opening}, events may have scheduled sales. */
  public EnterQueueService(
      AdmissionLedger ledger,
      PolicyCatalog policies,
      AdmissionTokenSigner signer,
      HeartbeatCoalescer heartbeats,
      QueueMetrics metrics,
      EtaStamps stamps,
      Clock clock,
      Optional<SaleOpening> opening) {
    this.ledger = Objects.requireNonNull(ledger);
    this.policies = Objects.requireNonNull(policies);
    this.signer = Objects.requireNonNull(signer);
    this.heartbeats = Objects.requireNonNull(heartbeats);
    this.metrics = Objects.requireNonNull(metrics);
    this.stamps = Objects.requireNonNull(stamps);
    this.clock = Objects.requireNonNull(clock);
    this.opening = Objects.requireNonNull(opening);
  }

  @Override
  public AdmissionGrant enter(String waitingToken) {
    WaitingToken token = WaitingToken.parse(waitingToken).orElseThrow(WaiterNotFound::new);
    Instant now = clock.instant();
    QueuePolicy policy = policies.policyFor(token.eventId());
    policy
        .schedule()
        .ifPresent(
            schedule ->
                opening
                    .orElseThrow(
                        () -> new IllegalStateException("a scheduled sale needs the opening"))
                    .openIfDue(token.eventId(), schedule, now));
    AdmissionAttempt attempt =
        new AdmissionAttempt(
            token.eventId(),
            token.waiterId(),
            policy.readyWindow(),
            policy.pausedAdmission(),
            policy.admissionLimiter(),
            policy.maxActive(),
            UUID.randomUUID().toString(),
            policy.admissionTtl());
    Admission admission;
    try {
      admission = ledger.admit(attempt, now);
    } catch (NotReady refused) {
      // A refusal found the waiter in line, so it is a sign of life; and a client that waits as
      // told must come back before the reaper would take it (docs/design.md#admission).
      heartbeats.record(token.eventId(), token.waiterId());
      NotReady told = refused;
      if (refused.reason() == NotReady.Reason.NOT_OPEN && policy.schedule().isPresent()) {
        told = NotReady.notOpen(Duration.between(now, policy.schedule().get().opensAt()));
      }
      throw told.cappedAt(HeartbeatCadence.longestWait(policy.heartbeatTimeout()));
    }
    heartbeats.forget(token.eventId(), token.waiterId());
    String subject =
        admission.waiter().userId().map(UserId::value).orElse(token.waiterId().value());
    // The verified identity gets a claim of its own: sub stays the informational user id, which
    // the client picks freely even when its join carried an invitation.
    SignedAdmission signed =
        signer.sign(
            new AdmissionClaims(
                token.eventId(),
                subject,
                admission.waiter().identity(),
                admission.id(),
                now,
                admission.expiresAt()));
    metrics.admitted(token.eventId(), admission.waited());
    // Only a stamp this service sealed counts: the client carries it, but cannot alter it.
    stamps
        .etaAtJoin(waitingToken)
        .ifPresent(
            etaSec ->
                metrics.etaAtJoin(token.eventId(), Duration.ofSeconds(etaSec), admission.waited()));
    long ttlSec = Math.max(0, Duration.between(now, admission.expiresAt()).toSeconds());
    return new AdmissionGrant(signed.token(), ttlSec, admission.expiresAt());
  }
}
