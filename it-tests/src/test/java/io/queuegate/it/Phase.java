package io.queuegate.it;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A stretch of a drill's timeline of a set length, during which the load runs on: the drill lets it
 * pass, or samples the service at a steady pace. Waiting for something to happen is {@code Await}'s
 * job; this only keeps time.
 */
final class Phase {
  private Phase() {}

  /** Lets {@code length} pass while the load runs. */
  static void hold(Duration length) {
    sample(length, length, () -> {});
  }

  /** Runs {@code sample} every {@code pace} until {@code length} has passed since the call. */
  static void sample(Duration length, Duration pace, Runnable sample) {
    long end = System.nanoTime() + length.toNanos();
    while (System.nanoTime() < end) {
      sample.run();
      LockSupport.parkNanos(Math.min(pace.toNanos(), end - System.nanoTime()));
    }
  }
}
