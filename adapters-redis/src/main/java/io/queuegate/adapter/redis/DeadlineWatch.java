package io.queuegate.adapter.redis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One timer for many deadlines: while anything is watched, runs a check once a tick; stops when the
 * check reports nothing left, and starts again on the next {@link #arm()}. Busy, it costs one
 * wake-up per tick whatever the request rate, never a timer (and a thread hand-off) per request.
 */
final class DeadlineWatch {
  /** Runs a task once, after a delay. */
  @FunctionalInterface
  interface Timer {
    void after(Duration delay, Runnable task);
  }

  private final Timer timer;
  private final Duration tick;
  private final BooleanSupplier check;
  private final AtomicBoolean running = new AtomicBoolean();

  /**
   * @param check fails what is overdue; answers whether anything is still watched
   */
  DeadlineWatch(Timer timer, Duration tick, BooleanSupplier check) {
    this.timer = timer;
    this.tick = tick;
    this.check = check;
  }

  /** One daemon thread for every watch of the process: ticks are short and never block. */
  static Timer sharedTimer() {
    return (delay, task) -> Shared.EXECUTOR.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Makes sure the watch runs; call after adding something to watch. A volatile read when it does.
   */
  void arm() {
    if (!running.get() && running.compareAndSet(false, true)) {
      timer.after(tick, this::run);
    }
  }

  private void run() {
    if (!checkSafely()) {
      running.set(false);
      // Whatever was added between the check and the flag saw the watch running and relied on it.
      if (!checkSafely() || !running.compareAndSet(false, true)) {
        return;
      }
    }
    timer.after(tick, this::run);
  }

  private boolean checkSafely() {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      // A watch that died would leave every later deadline unenforced: keep ticking.
      return true;
    }
  }

  private static final class Shared {
    static final ScheduledExecutorService EXECUTOR =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("queuegate-deadlines").unstarted(r));
  }
}
