package io.queuegate.adapter.http.queue;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts this instance's open event streams and refuses one beyond the limit. */
final class OpenStreams {
  private final int limit;
  private final AtomicInteger open = new AtomicInteger();

  OpenStreams(int limit) {
    this.limit = limit;
  }

  /** Claims a place for one more stream; false when the limit is reached. */
  boolean tryOpen() {
    while (true) {
      int now = open.get();
      if (now >= limit) {
        return false;
      }
      if (open.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back a place claimed by {@link #tryOpen()}. */
  void closed() {
    open.decrementAndGet();
  }

  int count() {
    return open.get();
  }
}
