package io.queuegate.domain.service;

import io.queuegate.domain.model.EnqueueTokenRequired;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.Eta;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import io.queuegate.domain.model.ProofOfWorkRequired;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleNotStarted;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.in.JoinQueueUseCase;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EtaStamps;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a person in an event's line, once per verified identity; during a scheduled sale's
 * pre-queue, into the pre-queue (docs/design.md#pre-queue).
 */
public final class JoinQueueService implements JoinQueueUseCase {
  private final WaitingLine line;
  private final PolicyCatalog policies;
  private final EnqueueTokenVerifier verifier;
  private final EtaEstimator eta;
  private final PollingHint hint;
  private final QueueMetrics metrics;
  private final EtaStamps stamps;
  private final Clock clock;
  private final Optional<ProofOfWork> proofOfWork;
  private final CaptchaCheck captcha;
  private final Optional<SaleOpening> opening;
  private final PreQueueAnswers preQueue;
  private final Optional<JoinReceipts> receipts;

  /**
   * The join service with every defence this deployment has configured: without {@code proofOfWork}
   * events requiring it refuse joins; with {@code opening}, scheduled sales; with {@code receipts},
   * every answer carries the join's signed receipt.
   */
  public JoinQueueService(
      WaitingLine line,
      PolicyCatalog policies,
      EnqueueTokenVerifier verifier,
      EtaEstimator eta,
      PollingHint hint,
      QueueMetrics metrics,
      EtaStamps stamps,
      Clock clock,
      Optional<ProofOfWork> proofOfWork,
      CaptchaVerifier captcha,
      Optional<SaleOpening> opening,
      Optional<JoinReceipts> receipts) {
    this.captcha = new CaptchaCheck(captcha, metrics);
    this.proofOfWork = Objects.requireNonNull(proofOfWork);
    this.receipts = Objects.requireNonNull(receipts);
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.verifier = Objects.requireNonNull(verifier);
    this.eta = Objects.requireNonNull(eta);
    this.hint = Objects.requireNonNull(hint);
    this.metrics = Objects.requireNonNull(metrics);
    this.stamps = Objects.requireNonNull(stamps);
    this.clock = Objects.requireNonNull(clock);
    this.opening = Objects.requireNonNull(opening);
    this.preQueue = new PreQueueAnswers(eta, new SecureRandom());
  }

  @Override
  public JoinReceipt join(JoinCommand command) {
    EventId eventId = command.eventId();
    Instant now = clock.instant();
    QueuePolicy policy = policies.policyFor(eventId);
    if (policy.pausedJoins()) {
      throw new EventPaused();
    }
    Optional<SaleSchedule> schedule = policy.schedule();
    if (schedule.isPresent() && now.isBefore(schedule.get().preQueueStartsAt())) {
      throw new SaleNotStarted(schedule.get());
    }
    Optional<Identity> identity =
        command.enqueueToken().map(token -> verifier.verify(token, eventId, now));
    if (identity.isEmpty() && policy.requireEnqueueToken()) {
      throw new EnqueueTokenRequired();
    }
    // Cheap checks first, the provider's round trip last (docs/design.md#captcha): a missing token
    // spends no challenge, and a bot must pay its proof of work before we spend a call on it.
    captcha.requirePresent(policy.captcha(), command.captcha());
    if (policy.requireProofOfWork()) {
      checkProofOfWork(command, now);
    }
    captcha.verify(eventId, policy.captcha(), command.captcha());
    WaiterId waiterId = WaiterId.random();
    Optional<PreQueueEntry> entry = schedule.flatMap(s -> preQueueEntry(eventId, waiterId, s, now));
    NewWaiter newWaiter = new NewWaiter(eventId, waiterId, command.userId(), identity, entry);
    Joined joined = line.join(newWaiter, policy.maxWaiting(), now);
    if (!joined.existing()) {
      metrics.joined(eventId);
    }
    WaiterStanding standing = joined.standing();
    Optional<String> signed = receipts.flatMap(r -> r.receiptFor(eventId, joined));
    metrics.positionComputed(standing.method());
    AdmissionRate rate = eta.rate(eventId, policy);
    long position = standing.position();
    Optional<Instant> opensAt = schedule.map(SaleSchedule::opensAt);
    EntrantId entrant = EntrantId.of(standing.waiter().id());
    WaitingToken token = standing.waiter().token();
    if (standing.inPreQueue() && schedule.isPresent()) {
      // Before the shuffle the ETA is that of the middle place, not a prediction for this waiter:
      // no range around it and no stamp, so it does not count as an ETA error at admission.
      long etaSec = preQueue.etaSeconds(schedule.get(), position, rate.perSecond(), now);
      return new JoinReceipt(
          token,
          position,
          etaSec,
          preQueue.pollAfterMs(schedule.get(), policy, now),
          etaSec,
          etaSec,
          "",
          entrant,
          true,
          opensAt,
          signed);
    }
    Eta estimate = eta.estimate(position, rate, policy);
    return new JoinReceipt(
        token,
        position,
        estimate.sec(),
        hint.pollAfterMs(position, policy, rate.perSecond(), estimate.sec()),
        estimate.lowSec(),
        estimate.highSec(),
        // The metric compares the stamp with the wait since the first join: a second join of the
        // same person keeps that place, so its stamp counts from then too.
        // A first-come place is sealed too, so status can read it from the mirror
        // (docs/design.md#line-mirror).
        stamps.stamp(
            token, estimate.sec() + sinceJoined(standing, now), SealedPlace.of(standing.waiter())),
        entrant,
        false,
        opensAt,
        signed);
  }

  private static long sinceJoined(WaiterStanding standing, Instant now) {
    return Math.max(0, Duration.between(standing.waiter().joinedAt(), now).toSeconds());
  }

  // Checked after the enqueue token, so a forged token is not worth a spent challenge.
  private void checkProofOfWork(JoinCommand command, Instant now) {
    EventId eventId = command.eventId();
    if (command.proofOfWork().isEmpty() || proofOfWork.isEmpty()) {
      metrics.challengeRefused(eventId, ProofOfWorkRefusal.MISSING);
      throw new ProofOfWorkRequired();
    }
    try {
      proofOfWork.get().verify(command.proofOfWork().get(), eventId, now);
    } catch (InvalidProofOfWork e) {
      metrics.challengeRefused(eventId, e.reason());
      throw e;
    }
    metrics.challengeSolved(eventId);
  }

  // During the pre-queue the join carries its entry; at or after the opening the pre-queue is
  // opened first, so that this join lines up behind it.
  private Optional<PreQueueEntry> preQueueEntry(
      EventId eventId, WaiterId waiterId, SaleSchedule schedule, Instant now) {
    SaleOpening sale =
        opening.orElseThrow(() -> new IllegalStateException("a scheduled sale needs the opening"));
    if (sale.openIfDue(eventId, schedule, now)) {
      return Optional.empty();
    }
    return Optional.of(sale.entryFor(eventId, waiterId, schedule));
  }
}
