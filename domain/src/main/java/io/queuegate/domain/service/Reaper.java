package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Removes waiters that stopped sending heartbeats, in bounded batches, working on a few events at
 * once so that a pass over many events on a slow store still ends in reasonable time.
 */
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
  private final SilenceRule silence;
  private final int concurrency;
  // Events seen in the last pass, so that a line that emptied reports zero waiters once.
  private volatile Set<EventId> lastActive = Set.of();

  /**
   * @param silence says from when on a waiter counts as silent
   * @param concurrency how many events one pass works on at once
   */
  public Reaper(
      WaitingLine line,
      PolicyCatalog policies,
      QueueMetrics metrics,
      Clock clock,
      int batchSize,
      SilenceRule silence,
      int concurrency) {
    if (batchSize < 1 || concurrency < 1) {
      throw new IllegalArgumentException("batchSize and concurrency must be positive");
    }
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
    this.batchSize = batchSize;
    this.silence = Objects.requireNonNull(silence);
    this.concurrency = concurrency;
  }

  /**
   * One pass over every event that has waiters, at most {@code concurrency} events at a time. A
   * failure in one event is logged and the pass goes on with the others.
   *
   * @return how many waiters this pass removed
   */
  public int reapOnce() {
    Set<EventId> active = Set.copyOf(line.activeEvents());
    AtomicInteger removed = new AtomicInteger();
    Semaphore slots = new Semaphore(concurrency);
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (EventId eventId : active) {
        slots.acquire();
        workers.execute(
            () -> {
              try {
                removed.addAndGet(reap(eventId));
              } catch (RuntimeException e) {
                LOG.log(
                    Level.WARNING, "reaping event " + eventId + " failed; retrying next pass", e);
              } finally {
                slots.release();
              }
            });
      }
    } catch (InterruptedException e) {
      Thread.currentThread()
          .interrupt(); // shutting down: the events not started wait for a restart
    }
    reportEmptied(active);
    return removed.get();
  }

  private void reportEmptied(Set<EventId> active) {
    for (EventId emptied : lastActive) {
      if (!active.contains(emptied)) {
        metrics.waiting(emptied, 0);
      }
    }
    lastActive = active;
  }

  private int reap(EventId eventId) {
    QueuePolicy policy = policies.policyFor(eventId);
    Instant now = clock.instant();
    Instant silentSince = silence.silentSince(policy.heartbeatTimeout(), now);
    if (policy.schedule().isPresent() && !silentSince.isAfter(policy.schedule().get().opensAt())) {
      // A pre-queue entrant's silence counts from the opening (docs/design.md#pre-queue), and
      // before the opening everyone in the line is one.
      metrics.waiting(eventId, line.stats(eventId, now).waiting());
      return 0;
    }
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
