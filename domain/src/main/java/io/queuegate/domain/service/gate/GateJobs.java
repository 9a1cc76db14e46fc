package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.GateMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gate's schedule on each instance: every refresh interval it reads the rooms and the
 * revocations made since the last time, and sends pending session renewals; every {@value
 * #GAUGE_EVERY} intervals it counts each room's live sessions for the gauge. On close it sends the
 * renewals once more.
 */
public final class GateJobs implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GateJobs.class.getName());
  static final int GAUGE_EVERY = 5;
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final RoomCatalog rooms;
  private final RevocationWatch revocations;
  private final SessionRenewals renewals;
  private final WaitingLine line;
  private final GateMetrics metrics;
  private final Duration interval;
  private final Clock clock;
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(1, Thread.ofVirtual().name("queuegate-gate-", 0).factory());

  public GateJobs(
      RoomCatalog rooms,
      RevocationWatch revocations,
      SessionRenewals renewals,
      WaitingLine line,
      GateMetrics metrics,
      Duration interval,
      Clock clock) {
    this.rooms = Objects.requireNonNull(rooms);
    this.revocations = Objects.requireNonNull(revocations);
    this.renewals = Objects.requireNonNull(renewals);
    this.line = Objects.requireNonNull(line);
    this.metrics = Objects.requireNonNull(metrics);
    this.interval = Objects.requireNonNull(interval);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Runs one round at once (so rooms are read before the first request), then on schedule. */
  public void start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      return;
    }
    runOnce();
    long nanos = interval.toNanos();
    executor.scheduleWithFixedDelay(this::guardedRun, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** One round of the schedule; tests call it directly. */
  public void runOnce() {
    rooms.refresh();
    Instant now = clock.instant();
    revocations.poll(rooms.events(), rooms::longestHardCap, now);
    renewals.flush();
    if (ticks.getAndIncrement() % GAUGE_EVERY == 0) {
      countSessions(now);
    }
  }

  private void countSessions(Instant now) {
    for (Room room : rooms.rooms()) {
      try {
        metrics.activeSessions(room.id(), line.stats(room.eventId(), now).liveAdmissions());
      } catch (StoreUnavailableException e) {
        return; // the gauges keep their last counts until the store answers again
      }
    }
  }

  private void guardedRun() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again, so every failure stops here.
      LOG.log(Level.WARNING, "gate jobs failed; they run again on schedule", e);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      renewals.flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "final flush of session renewals failed", e);
    }
  }
}
