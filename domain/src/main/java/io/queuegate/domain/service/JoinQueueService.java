package io.queuegate.domain.service;

import io.queuegate.domain.model.EnqueueTokenRequired;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleNotStarted;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.in.JoinQueueUseCase;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.security.SecureRandom;
import java.time.Clock;
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
  private final Clock clock;
  private final SaleOpening opening;
  private final PreQueueAnswers preQueue;
  private final Optional<JoinReceipts> receipts;

  /** A join service for events without scheduled sales (tests of the plain line). */
  public JoinQueueService(
      WaitingLine line,
      PolicyCatalog policies,
      EnqueueTokenVerifier verifier,
      EtaEstimator eta,
      PollingHint hint,
      QueueMetrics metrics,
      Clock clock) {
    this(line, policies, verifier, eta, hint, metrics, clock, null);
  }

  public JoinQueueService(
      WaitingLine line,
      PolicyCatalog policies,
      EnqueueTokenVerifier verifier,
      EtaEstimator eta,
      PollingHint hint,
      QueueMetrics metrics,
      Clock clock,
      SaleOpening opening) {
    this(line, policies, verifier, eta, hint, metrics, clock, opening, null);
  }

  /** With {@code receipts}, every answer carries the join's signed receipt. */
  public JoinQueueService(
      WaitingLine line,
      PolicyCatalog policies,
      EnqueueTokenVerifier verifier,
      EtaEstimator eta,
      PollingHint hint,
      QueueMetrics metrics,
      Clock clock,
      SaleOpening opening,
      JoinReceipts receipts) {
    this.receipts = Optional.ofNullable(receipts);
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.verifier = Objects.requireNonNull(verifier);
    this.eta = Objects.requireNonNull(eta);
    this.hint = Objects.requireNonNull(hint);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
    this.opening = opening;
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
    double rate = eta.ratePerSecond(eventId, policy);
    long position = standing.position();
    Optional<Instant> opensAt = schedule.map(SaleSchedule::opensAt);
    EntrantId entrant = EntrantId.of(standing.waiter().id());
    if (standing.inPreQueue() && schedule.isPresent()) {
      return new JoinReceipt(
          standing.waiter().token(),
          position,
          preQueue.etaSeconds(schedule.get(), position, rate, now),
          preQueue.pollAfterMs(schedule.get(), policy, now),
          entrant,
          true,
          opensAt,
          signed);
    }
    long etaSec = eta.etaSeconds(position, rate);
    return new JoinReceipt(
        standing.waiter().token(),
        position,
        etaSec,
        hint.pollAfterMs(position, policy, rate, etaSec),
        entrant,
        false,
        opensAt,
        signed);
  }

  // During the pre-queue the join carries its entry; at or after the opening the pre-queue is
  // opened first, so that this join lines up behind it.
  private Optional<PreQueueEntry> preQueueEntry(
      EventId eventId, WaiterId waiterId, SaleSchedule schedule, Instant now) {
    SaleOpening sale = Objects.requireNonNull(opening, "a scheduled sale needs the sale opening");
    if (sale.openIfDue(eventId, schedule, now)) {
      return Optional.empty();
    }
    return Optional.of(sale.entryFor(eventId, waiterId, schedule));
  }
}
