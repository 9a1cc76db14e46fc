package io.queuegate.adapter.http.envelope;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides which store failures reach the log: the first one at once, then at most one summary line
 * per interval with how many were left out. During an outage every request fails the same way, and
 * thousands of lines a second would slow the answers and bury everything else in the log.
 */
final class StoreFailureLog {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  // The monotonic time before which failures are only counted; MIN_VALUE: the next one is logged.
  private final AtomicLong quietUntil = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong leftOut = new AtomicLong();

  StoreFailureLog() {
    this(DEFAULT_INTERVAL, System::nanoTime);
  }

  StoreFailureLog(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The line to log for this failure, or empty when it is only counted. */
  Optional<String> lineFor(String traceId, String failure) {
    long now = nanoTime.getAsLong();
    long until = quietUntil.get();
    if (until != Long.MIN_VALUE && now - until < 0) {
      leftOut.incrementAndGet();
      return Optional.empty();
    }
    if (!quietUntil.compareAndSet(until, now + intervalNanos)) {
      leftOut.incrementAndGet(); // another request logs this interval's line
      return Optional.empty();
    }
    long skipped = leftOut.getAndSet(0);
    String line = "store unavailable, trace_id=" + traceId + ": " + failure;
    return Optional.of(
        skipped == 0
            ? line
            : line + " (" + skipped + " more store failures since the last line were not logged)");
  }
}
