package io.queuegate.adapter.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; never a fixed sleep. */
public final class Await {
  private static final Duration PAUSE = Duration.ofMillis(25);

  private Await() {}

  /** Waits until {@code condition} holds; fails with {@code what} after {@code limit}. */
  public static void until(Duration limit, String what, BooleanSupplier condition) {
    until(limit, what, condition::getAsBoolean, Boolean::booleanValue);
  }

  /**
   * Calls {@code call} until its answer satisfies {@code done} and returns that answer; fails with
   * {@code what} after {@code limit}.
   */
  public static <T> T until(
      Duration limit, String what, Supplier<T> call, Predicate<? super T> done) {
    return within(limit, call, done)
        .orElseThrow(() -> new AssertionError("timed out after " + limit + " waiting for " + what));
  }

  /**
   * Calls {@code call} until its answer satisfies {@code done}: that answer, or empty when none did
   * within {@code limit}. A call or check that throws, or a null answer, counts as not done yet.
   */
  public static <T> Optional<T> within(
      Duration limit, Supplier<T> call, Predicate<? super T> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> answer = safely(call, done);
      if (answer.isPresent()) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      LockSupport.parkNanos(PAUSE.toNanos());
    }
  }

  private static <T> Optional<T> safely(Supplier<T> call, Predicate<? super T> done) {
    T answer;
    try {
      answer = call.get();
      if (!done.test(answer)) {
        return Optional.empty();
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(answer);
  }
}
