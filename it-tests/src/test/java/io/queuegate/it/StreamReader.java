package io.queuegate.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one status stream as a page would: counts its events and notes when the first status and
 * the first {@code ready} arrived (monotonic nanos of this JVM), for the event-stream benchmark. A
 * stream that ends or fails before its first status (a refused open) counts down {@code opened} as
 * well, and says so in {@link #refused()}, so the bench can open it again.
 */
final class StreamReader implements Flow.Subscriber<String> {
  private final CountDownLatch opened;
  private final Semaphore opening;
  private final CountDownLatch ready;
  private final AtomicInteger events = new AtomicInteger();
  private volatile String event = "";
  private volatile long firstAt = -1;
  private volatile long readyAt = -1;
  private volatile Flow.Subscription subscription;
  private volatile boolean refused;

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
    endedBeforeFirst();
  }

  @Override
  public void onComplete() {
    endedBeforeFirst();
  }

  private void endedBeforeFirst() {
    if (firstAt < 0 && !refused) {
      refused = true;
      opened.countDown();
      opening.release();
    }
  }

  /** Whether the stream ended before its first status. */
  boolean refused() {
    return refused;
  }

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
