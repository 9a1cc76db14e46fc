package io.queuegate.adapter.redis;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; never a fixed sleep. */
public final class Await {
  private static final Duration PAUSE = Duration.ofMillis(25);

  private Await() {}

  /** Waits until {@code condition} holds; fails with {@code what} after {@code limit}. */
  public static void until(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!safely(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
      }
      LockSupport.parkNanos(PAUSE.toNanos());
    }
  }

  private static boolean safely(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
