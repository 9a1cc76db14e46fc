package io.queuegate.it;

import java.time.Duration;

/** Time since one moment of a drill (a kill, a restart), on the monotonic clock. */
record Stopwatch(long startedAt) {
  static Stopwatch start() {
    return new Stopwatch(System.nanoTime());
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  /** What is left of {@code limit} counted from the start (negative once it has passed). */
  Duration left(Duration limit) {
    return limit.minus(elapsed());
  }
}
