package io.queuegate.it;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Open-loop load: requests start at a fixed rate whether or not earlier ones have answered, as real
 * users do. If the service queued work instead of failing fast, requests in flight would grow
 * without bound; this counts the most seen at once.
 */
final class OpenLoad implements AutoCloseable {
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong started = new AtomicLong();
  private volatile boolean running = true;
  private final Thread ticker;

  private OpenLoad(int perSecond, LongConsumer request) {
    long interval = 1_000_000_000L / perSecond;
    ticker =
        Thread.ofPlatform()
            .daemon()
            .name("open-load")
            .start(
                () -> {
                  long next = System.nanoTime();
                  while (running) {
                    long n = started.getAndIncrement();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    requests.execute(
                        () -> {
                          try {
                            request.accept(n);
                          } finally {
                            inFlight.decrementAndGet();
                          }
                        });
                    next += interval;
                    // Pacing of the offered load, not synchronisation.
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                  }
                });
  }

  static OpenLoad start(int perSecond, LongConsumer request) {
    return new OpenLoad(perSecond, request);
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  void resetMax() {
    maxInFlight.set(inFlight.get());
  }

  /** Stops starting requests and waits for those in flight. */
  @Override
  public void close() {
    running = false;
    try {
      ticker.join(Duration.ofSeconds(10));
      requests.shutdown();
      if (!requests.awaitTermination(60, TimeUnit.SECONDS)) {
        throw new AssertionError("requests still in flight a minute after the load stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
