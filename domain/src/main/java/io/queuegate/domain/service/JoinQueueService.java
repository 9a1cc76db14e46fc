package io.queuegate.domain.service;

import io.queuegate.domain.model.EnqueueTokenRequired;
import io.queuegate.domain.model.Eta;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import io.queuegate.domain.model.ProofOfWorkRequired;
import io.queuegate.domain.model.QueuePolicy;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Puts a person in an event's line, once per verified identity. */
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

  /** A join service for a deployment without proof of work: events requiring it refuse joins. */
  public JoinQueueService(
      WaitingLine line,
      PolicyCatalog policies,
      EnqueueTokenVerifier verifier,
      EtaEstimator eta,
      PollingHint hint,
      QueueMetrics metrics,
      EtaStamps stamps,
      Clock clock) {
    this(
        line,
        policies,
        verifier,
        eta,
        hint,
        metrics,
        stamps,
        clock,
        Optional.empty(),
        CaptchaVerifier.NONE);
  }

  /** The join service with every defence this deployment has configured. */
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
      CaptchaVerifier captcha) {
    this.captcha = new CaptchaCheck(captcha, metrics);
    this.proofOfWork = Objects.requireNonNull(proofOfWork);
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.verifier = Objects.requireNonNull(verifier);
    this.eta = Objects.requireNonNull(eta);
    this.hint = Objects.requireNonNull(hint);
    this.metrics = Objects.requireNonNull(metrics);
    this.stamps = Objects.requireNonNull(stamps);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public JoinReceipt join(JoinCommand command) {
    EventId eventId = command.eventId();
    Instant now = clock.instant();
    QueuePolicy policy = policies.policyFor(eventId);
    if (policy.pausedJoins()) {
      throw new EventPaused();
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
    NewWaiter newWaiter = new NewWaiter(eventId, WaiterId.random(), command.userId(), identity);
    Joined joined = line.join(newWaiter, policy.maxWaiting(), now);
    if (!joined.existing()) {
      metrics.joined(eventId);
    }
    WaiterStanding standing = joined.standing();
    metrics.positionComputed(standing.method());
    AdmissionRate rate = eta.rate(eventId, policy);
    Eta estimate = eta.estimate(standing.position(), rate, policy);
    WaitingToken token = standing.waiter().token();
    return new JoinReceipt(
        token,
        standing.position(),
        estimate.sec(),
        hint.pollAfterMs(standing.position(), policy, rate.perSecond(), estimate.sec()),
        estimate.lowSec(),
        estimate.highSec(),
        // The metric compares the stamp with the wait since the first join: a second join of the
        // same person keeps that place, so its stamp counts from then too.
        stamps.stamp(token, estimate.sec() + sinceJoined(standing, now)));
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
}
