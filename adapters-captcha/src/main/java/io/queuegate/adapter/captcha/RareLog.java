package io.queuegate.adapter.captcha;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logs at most one line per interval and counts the ones it held back, so a flood of refused tokens
 * or a provider outage writes a few lines a minute, not one per join.
 */
final class RareLog {
  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong next;
  private final AtomicLong held = new AtomicLong();

  RareLog(Logger log, long intervalNanos, LongSupplier nanoTime) {
    this.log = log;
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
    this.next = new AtomicLong(nanoTime.getAsLong());
  }

  /** Logs {@code message} unless a line went out less than an interval ago; true when it did. */
  boolean log(Level level, String message) {
    long now = nanoTime.getAsLong();
    long due = next.get();
    if (now - due < 0 || !next.compareAndSet(due, now + intervalNanos)) {
      held.incrementAndGet();
      return false;
    }
    long skipped = held.getAndSet(0);
    log.log(level, skipped == 0 ? message : message + " (" + skipped + " more held back)");
    return true;
  }
}
