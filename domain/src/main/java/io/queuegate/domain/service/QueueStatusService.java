package io.queuegate.domain.service;

import io.queuegate.domain.model.Eta;
import io.queuegate.domain.model.PositionSource;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells a waiter where it stands. This is the hot path: no store read when the token seals its
 * place and the instance mirrors the event (docs/design.md#line-mirror), one otherwise, with the
 * policy and the admission rate served from per-instance caches and the heartbeat coalesced in
 * memory.
 */
public final class QueueStatusService implements QueueStatusUseCase {
  private final WaitingLine line;
  private final PolicyCatalog policies;
  private final EtaEstimator eta;
  private final PollingHint hint;
  private final HeartbeatCoalescer heartbeats;
  private final QueueMetrics metrics;
  private final Clock clock;
  private final Optional<SaleOpening> opening;
  private final PreQueueAnswers preQueue;
  private final Optional<MirrorPositions> mirror;

  /**
   * With {@code opening}, events may have scheduled sales; with {@code mirror}, a token that seals
   * its place may be answered from the instance's mirror of the line.
   */
  public QueueStatusService(
      WaitingLine line,
      PolicyCatalog policies,
      EtaEstimator eta,
      PollingHint hint,
      HeartbeatCoalescer heartbeats,
      QueueMetrics metrics,
      Clock clock,
      Optional<SaleOpening> opening,
      Optional<MirrorPositions> mirror) {
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.eta = Objects.requireNonNull(eta);
    this.hint = Objects.requireNonNull(hint);
    this.heartbeats = Objects.requireNonNull(heartbeats);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
    this.opening = Objects.requireNonNull(opening);
    this.preQueue = new PreQueueAnswers(eta, new SecureRandom());
    this.mirror = Objects.requireNonNull(mirror);
  }

  @Override
  public WaiterStatus status(String waitingToken) {
    WaitingToken token = WaitingToken.parse(waitingToken).orElseThrow(WaiterNotFound::new);
    Instant now = clock.instant();
    Optional<MirroredStanding> mirrored =
        mirror.flatMap(
            m -> m.standing(waitingToken, token, () -> policies.policyFor(token.eventId()), now));
    WaiterStanding standing =
        mirrored.isPresent()
            ? mirrored.get().standing()
            : line.locate(token.eventId(), token.waiterId(), now);
    PositionSource source =
        mirrored.isPresent()
            ? PositionSource.mirror(standing.method(), mirrored.get().version())
            : PositionSource.store(standing.method());
    QueuePolicy policy = policies.policyFor(token.eventId());
    if (mirrored.isPresent()) {
      // The mirror placed the sealed sequence: it names this waiter, so its heartbeat may be
      // thinned.
      heartbeats.recordThinned(
          token.eventId(),
          token.waiterId(),
          standing.waiter().sequence(),
          policy.heartbeatTimeout(),
          now);
    } else {
      heartbeats.record(token.eventId(), token.waiterId());
    }
    Optional<SaleSchedule> schedule = policy.schedule();
    if (standing.inPreQueue() && schedule.isPresent()) {
      // The first poll after the opening time opens the pre-queue (once per instance) and then
      // reads the place the shuffle gave.
      SaleOpening sale =
          opening.orElseThrow(
              () -> new IllegalStateException("a scheduled sale needs the opening"));
      if (sale.openIfDue(token.eventId(), schedule.get(), now)) {
        standing = line.locate(token.eventId(), token.waiterId(), now);
        source = PositionSource.store(standing.method());
      }
    }
    metrics.positionComputed(standing.method());
    long position = standing.position();
    boolean ready = position <= policy.readyWindow() && !policy.pausedAdmission();
    long waitedSec = Math.max(0, Duration.between(standing.waiter().joinedAt(), now).getSeconds());
    AdmissionRate rate = eta.rate(token.eventId(), policy);
    Optional<Instant> opensAt = schedule.map(SaleSchedule::opensAt);
    if (standing.inPreQueue() && schedule.isPresent()) {
      // Before the shuffle there is no place to estimate a range for: the range is the ETA.
      long etaSec = preQueue.etaSeconds(schedule.get(), position, rate.perSecond(), now);
      return new WaiterStatus(
          position,
          etaSec,
          waitedSec,
          false,
          preQueue.pollAfterMs(schedule.get(), policy, now),
          etaSec,
          etaSec,
          true,
          opensAt,
          source);
    }
    Eta estimate = eta.estimate(position, rate, policy);
    long pollAfterMs = hint.pollAfterMs(position, policy, rate.perSecond(), estimate.sec());
    return new WaiterStatus(
        position,
        estimate.sec(),
        waitedSec,
        ready,
        pollAfterMs,
        estimate.lowSec(),
        estimate.highSec(),
        false,
        opensAt,
        source);
  }
}
