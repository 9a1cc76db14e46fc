package io.queuegate.domain.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs many store calls from a fixed pool behind one start gate, so the calls truly overlap, and
 * gives up after a bounded time instead of hanging a build.
 */
public final class Concurrently {
  /** How long all calls together may take before the test fails. */
  public static final long TIMEOUT_SECONDS = 60;

  /** What one call did: returned {@code value}, or threw {@code failure}. */
  public record Outcome<T>(T value, RuntimeException failure) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  private Concurrently() {}

  /** Makes {@code calls} calls of {@code call(i)} on {@code threads} threads; results in order. */
  public static <T> List<Outcome<T>> run(int threads, int calls, IntFunction<T> call) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Outcome<T>>> futures = new ArrayList<>(calls);
    try {
      for (int i = 0; i < calls; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  gate.await();
                  try {
                    return new Outcome<>(call.apply(n), null);
                  } catch (RuntimeException e) {
                    return new Outcome<T>(null, e);
                  }
                }));
      }
      gate.countDown();
      pool.shutdown();
      if (!pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("concurrent calls did not finish in " + TIMEOUT_SECONDS + " s");
      }
      List<Outcome<T>> outcomes = new ArrayList<>(calls);
      for (Future<Outcome<T>> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for concurrent calls", e);
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent call failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The values of calls that all had to succeed. */
  public static <T> List<T> values(List<Outcome<T>> outcomes) {
    List<T> values = new ArrayList<>(outcomes.size());
    for (Outcome<T> outcome : outcomes) {
      if (!outcome.succeeded()) {
        throw new AssertionError("a concurrent call failed", outcome.failure());
      }
      values.add(outcome.value());
    }
    return values;
  }
}
