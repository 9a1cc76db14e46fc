package io.queuegate.it;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Open-loop load: requests start at a fixed rate whether or not earlier ones have answered, as real
 * users do. If the service queued work instead of failing fast, requests in flight would grow
 * without bound; this counts the most seen at once, how many requests really started, and how late
 * the latest one started after its slot (a generator that cannot keep up shows here, not as a
 * service that looks fast because it was offered less). Past a cap of requests in flight it sheds
 * new requests and counts them, so that a service that queues fails the drill's assertions instead
 * of exhausting the test's file descriptors.
 */
final class OpenLoad implements AutoCloseable {
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final LongAccumulator maxStartLagNanos = new LongAccumulator(Math::max, 0);
  private volatile boolean running = true;
  private final Thread ticker;

  private OpenLoad(String name, int perSecond, int inFlightCap, LongConsumer request) {
    long interval = 1_000_000_000L / perSecond;
    ticker =
        Thread.ofPlatform()
            .daemon()
            .name(name)
            .start(
                () -> {
                  long next = System.nanoTime();
                  long n = 0;
                  while (running) {
                    long number = n++;
                    long slot = next;
                    next += interval;
                    if (inFlight.get() >= inFlightCap) {
                      shed.incrementAndGet();
                      LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                      continue;
                    }
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    requests.execute(
                        () -> {
                          started.incrementAndGet();
                          maxStartLagNanos.accumulate(System.nanoTime() - slot);
                          try {
                            request.accept(number);
                          } finally {
                            inFlight.decrementAndGet();
                          }
                        });
                    // Pacing of the offered load, not synchronisation.
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                  }
                });
  }

  /**
   * {@code perSecond} requests a second on a ticker thread named {@code name}, never more than
   * {@code inFlightCap} in flight.
   */
  static OpenLoad start(String name, int perSecond, int inFlightCap, LongConsumer request) {
    return new OpenLoad(name, perSecond, inFlightCap, request);
  }

  int inFlight() {
    return inFlight.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Requests whose thread has begun to send them, since the start. */
  long started() {
    return started.get();
  }

  /** Requests not sent because {@code inFlightCap} were in flight, since the start. */
  long shed() {
    return shed.get();
  }

  /** The longest a request started after its slot, since the start or the last reset. */
  Duration maxStartLag() {
    return Duration.ofNanos(maxStartLagNanos.get());
  }

  /** Starts counting the maxima afresh, from the requests in flight now. */
  void resetMax() {
    maxInFlight.set(inFlight.get());
    maxStartLagNanos.reset();
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
