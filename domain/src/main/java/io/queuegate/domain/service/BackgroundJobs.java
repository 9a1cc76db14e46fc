package io.queuegate.domain.service;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs the heartbeat flush and the reaper on a schedule, and flushes a last time on close. */
public final class BackgroundJobs implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BackgroundJobs.class.getName());
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final HeartbeatCoalescer coalescer;
  private final Reaper reaper;
  private final Duration flushInterval;
  private final Duration reapInterval;
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(1, Thread.ofVirtual().name("queuegate-jobs-", 0).factory());
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  public BackgroundJobs(
      HeartbeatCoalescer coalescer, Reaper reaper, Duration flushInterval, Duration reapInterval) {
    if (!flushInterval.isPositive() || !reapInterval.isPositive()) {
      throw new IllegalArgumentException("intervals must be positive");
    }
    this.coalescer = Objects.requireNonNull(coalescer);
    this.reaper = Objects.requireNonNull(reaper);
    this.flushInterval = flushInterval;
    this.reapInterval = reapInterval;
  }

  /** Starts both schedules; later calls do nothing. */
  public void start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      return;
    }
    schedule("heartbeat flush", coalescer::flush, flushInterval);
    schedule("reaper", reaper::reapOnce, reapInterval);
  }

  /** Stops the schedules, flushes pending heartbeats once more and waits at most 5 seconds. */
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
    guarded("final heartbeat flush", coalescer::flush).run();
  }

  private void schedule(String name, Runnable job, Duration interval) {
    long nanos = interval.toNanos();
    executor.scheduleWithFixedDelay(guarded(name, job), nanos, nanos, TimeUnit.NANOSECONDS);
  }

  // A periodic task that throws is never run again, so every failure stops here.
  private static Runnable guarded(String name, Runnable job) {
    return () -> {
      try {
        job.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, name + " failed; it runs again on schedule", e);
      }
    };
  }
}
