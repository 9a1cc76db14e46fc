package io.queuegate.domain.service;

import io.queuegate.domain.model.Eta;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Tells a waiter where it stands. This is the hot path: one store read, with the policy and the
 * admission rate served from per-instance caches and the heartbeat coalesced in memory.
 */
public final class QueueStatusService implements QueueStatusUseCase {
  private final WaitingLine line;
  private final PolicyCatalog policies;
  private final EtaEstimator eta;
  private final PollingHint hint;
  private final HeartbeatCoalescer heartbeats;
  private final QueueMetrics metrics;
  private final Clock clock;

  public QueueStatusService(
      WaitingLine line,
      PolicyCatalog policies,
      EtaEstimator eta,
      PollingHint hint,
      HeartbeatCoalescer heartbeats,
      QueueMetrics metrics,
      Clock clock) {
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.eta = Objects.requireNonNull(eta);
    this.hint = Objects.requireNonNull(hint);
    this.heartbeats = Objects.requireNonNull(heartbeats);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public WaiterStatus status(String waitingToken) {
    WaitingToken token = WaitingToken.parse(waitingToken).orElseThrow(WaiterNotFound::new);
    Instant now = clock.instant();
    WaiterStanding standing = line.locate(token.eventId(), token.waiterId(), now);
    heartbeats.record(token.eventId(), token.waiterId());
    metrics.positionComputed(standing.method());
    QueuePolicy policy = policies.policyFor(token.eventId());
    long position = standing.position();
    boolean ready = position <= policy.readyWindow() && !policy.pausedAdmission();
    long waitedSec = Math.max(0, Duration.between(standing.waiter().joinedAt(), now).getSeconds());
    AdmissionRate rate = eta.rate(token.eventId(), policy);
    Eta estimate = eta.estimate(position, rate, policy);
    long pollAfterMs = hint.pollAfterMs(position, policy, rate.perSecond(), estimate.sec());
    return new WaiterStatus(
        position,
        estimate.sec(),
        waitedSec,
        ready,
        pollAfterMs,
        estimate.lowSec(),
        estimate.highSec());
  }
}
