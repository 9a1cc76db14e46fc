package io.queuegate.domain.service;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the heartbeat flush and the reaper, each on a schedule and a thread of its own so that a
 * long reaper pass never holds heartbeats back; flushes a last time on close.
 */
public final class BackgroundJobs implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BackgroundJobs.class.getName());
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final HeartbeatCoalescer coalescer;
  private final Reaper reaper;
  private final Duration flushInterval;
  private final Duration reapInterval;
  private final ScheduledExecutorService flusher = singleThread("queuegate-heartbeat-flush");
  private final ScheduledExecutorService reaping = singleThread("queuegate-reaper");
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
    schedule(flusher, "heartbeat flush", coalescer::flush, flushInterval);
    schedule(reaping, "reaper", reaper::reapOnce, reapInterval);
  }

  /** Stops the schedules (waiting at most 5 seconds), then flushes pending heartbeats once more. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    reaping.shutdown();
    flusher.shutdown();
    long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
    stop(reaping, deadline);
    stop(flusher, deadline);
    guarded("final heartbeat flush", coalescer::flush).run();
  }

  private static void stop(ScheduledExecutorService executor, long deadline) {
    try {
      long left = deadline - System.nanoTime();
      if (!executor.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ScheduledExecutorService singleThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
  }

  private static void schedule(
      ScheduledExecutorService executor, String name, Runnable job, Duration interval) {
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
