package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** Removes waiters that stopped sending heartbeats, event by event, in bounded batches. */
public final class Reaper {
  private static final System.Logger LOG = System.getLogger(Reaper.class.getName());
  // One pass must end in bounded time even when a huge line goes silent at once; the rest waits
  // for the next pass a few seconds later.
  static final int MAX_BATCHES_PER_EVENT = 100;

  private final WaitingLine line;
  private final PolicyCatalog policies;
  private final QueueMetrics metrics;
  private final Clock clock;
  private final int batchSize;
  private final Duration flushGrace;
  // Events seen in the last pass, so that a line that emptied reports zero waiters once.
  private volatile Set<EventId> lastActive = Set.of();

  /**
   * @param flushGrace how long a heartbeat may sit in the coalescer before it reaches the store; a
   *     waiter counts as silent only after its timeout plus this grace
   */
  public Reaper(
      WaitingLine line,
      PolicyCatalog policies,
      QueueMetrics metrics,
      Clock clock,
      int batchSize,
      Duration flushGrace) {
    if (batchSize < 1 || flushGrace.isNegative()) {
      throw new IllegalArgumentException("batchSize must be positive and flushGrace not negative");
    }
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
    this.batchSize = batchSize;
    this.flushGrace = flushGrace;
  }

  /**
   * One pass over every event that has waiters. A failure in one event is logged and the pass goes
   * on with the next.
   *
   * @return how many waiters this pass removed
   */
  public int reapOnce() {
    Set<EventId> active = Set.copyOf(line.activeEvents());
    int removed = 0;
    for (EventId eventId : active) {
      try {
        removed += reap(eventId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "reaping event " + eventId + " failed; retrying next pass", e);
      }
    }
    for (EventId emptied : lastActive) {
      if (!active.contains(emptied)) {
        metrics.waiting(emptied, 0);
      }
    }
    lastActive = active;
    return removed;
  }

  private int reap(EventId eventId) {
    QueuePolicy policy = policies.policyFor(eventId);
    Instant now = clock.instant();
    Instant silentSince = now.minus(policy.heartbeatTimeout()).minus(flushGrace);
    int removed = 0;
    for (int batch = 0; batch < MAX_BATCHES_PER_EVENT; batch++) {
      // Expired waiters are remembered for at least the timeout, so a late poll hears "expired".
      int n = line.reap(eventId, silentSince, batchSize, policy.heartbeatTimeout(), now);
      removed += n;
      if (n < batchSize) {
        break;
      }
    }
    if (removed > 0) {
      metrics.expired(eventId, removed);
    }
    metrics.waiting(eventId, line.stats(eventId, now).waiting());
    return removed;
  }
}
