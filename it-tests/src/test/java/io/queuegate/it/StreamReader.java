package io.queuegate.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one status stream as a page would: counts its events and notes when the first status and
 * the first {@code ready} arrived (monotonic nanos of this JVM), for the event-stream benchmark.
 */
final class StreamReader implements Flow.Subscriber<String> {
  static final AtomicInteger FAILURES = new AtomicInteger();

  private final CountDownLatch opened;
  private final Semaphore opening;
  private final CountDownLatch ready;
  private final AtomicInteger events = new AtomicInteger();
  private volatile String event = "";
  private volatile long firstAt = -1;
  private volatile long readyAt = -1;
  private volatile Flow.Subscription subscription;

  StreamReader(CountDownLatch opened, Semaphore opening, CountDownLatch ready) {
    this.opened = opened;
    this.opening = opening;
    this.ready = ready;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    if (line.startsWith("event:")) {
      event = line.substring("event:".length()).trim();
      return;
    }
    if (!line.startsWith("data:")) {
      return;
    }
    long now = System.nanoTime();
    events.incrementAndGet();
    if (firstAt < 0) {
      firstAt = now;
      opened.countDown();
      opening.release();
    }
    if (event.equals("ready") && readyAt < 0) {
      readyAt = now;
      ready.countDown();
    }
  }

  @Override
  public void onError(Throwable throwable) {
    if (firstAt < 0) {
      FAILURES.incrementAndGet();
      opening.release();
    }
  }

  @Override
  public void onComplete() {}

  /** Events read so far (each {@code data:} line is one). */
  int events() {
    return events.get();
  }

  /** When the first {@code ready} arrived, or -1. */
  long readyAt() {
    return readyAt;
  }

  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
