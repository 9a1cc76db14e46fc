package io.queuegate.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Steady closed-loop load: a fixed number of workers, each running one step at a fixed pace (a step
 * that overruns its slot starts the next at once). Stops on request; the first unexpected exception
 * of a step stops that worker and is rethrown by {@link #stop()}.
 */
final class Load implements AutoCloseable {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Thread> threads = new ArrayList<>();
  private final int workers;
  private final double stepsPerSecondPerWorker;

  private Load(int workers, double stepsPerSecondPerWorker) {
    this.workers = workers;
    this.stepsPerSecondPerWorker = stepsPerSecondPerWorker;
  }

  /** Starts {@code workers} workers, each calling {@code step} with its index at the given pace. */
  static Load start(String name, int workers, double stepsPerSecondPerWorker, IntConsumer step) {
    Load load = new Load(workers, stepsPerSecondPerWorker);
    long interval = (long) (1e9 / stepsPerSecondPerWorker);
    for (int i = 0; i < workers; i++) {
      int index = i;
      Thread t =
          Thread.ofPlatform()
              .name(name + "-" + i)
              .daemon()
              .start(
                  () -> {
                    long next = System.nanoTime();
                    while (load.running.get()) {
                      try {
                        step.accept(index);
                      } catch (Throwable e) {
                        load.failure.compareAndSet(null, e);
                        return;
                      }
                      next += interval;
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        // Pacing of the offered load, not synchronisation.
                        LockSupport.parkNanos(wait);
                      } else {
                        next = System.nanoTime();
                      }
                    }
                  });
      load.threads.add(t);
    }
    return load;
  }

  String describe() {
    return workers + " workers x " + stepsPerSecondPerWorker + " steps/s";
  }

  /** Stops the workers, waits for them, and rethrows the first failure of a step. */
  void stop() {
    running.set(false);
    for (Thread t : threads) {
      try {
        if (!t.join(Duration.ofSeconds(60))) {
          throw new AssertionError("load worker " + t.getName() + " did not stop: a hang");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
  }

  @Override
  public void close() {
    if (running.get()) {
      stop();
    }
  }
}
