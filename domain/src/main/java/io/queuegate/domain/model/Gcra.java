package io.queuegate.domain.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The generic cell rate algorithm: {@code ratePerSecond} sustained, {@code burst} at once. Its
 * whole state is one instant (the theoretical arrival time), so a store keeps it in one value and
 * fractional refill is exact. Used for admissions per event and requests per client IP.
 */
public record Gcra(double ratePerSecond, long burst) {

  /**
   * The longest span, in nanoseconds, that a decision computes with: {@code (burst + 1)} emission
   * intervals, the furthest an arrival time runs ahead of now plus one step. 2^53 ns (about 104
   * days) keeps it within a long and exact in the doubles of the store's Lua scripts.
   */
  public static final long MAX_SPAN_NANOS = 1L << 53;

  public Gcra {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
    if (!fits(ratePerSecond, burst)) {
      throw new IllegalArgumentException(
          "a burst of "
              + burst
              + " at "
              + ratePerSecond
              + " per second overflows: (burst + 1) / rate must be at most "
              + MAX_SPAN_NANOS / 1_000_000_000L
              + " seconds (about 104 days)");
    }
  }

  /**
   * Whether a positive rate and a burst of at least 1 stay within {@link #MAX_SPAN_NANOS}; a tiny
   * rate with a huge burst would overflow the tolerance and make every decision wrong.
   */
  public static boolean fits(double ratePerSecond, long burst) {
    long interval = intervalNanos(ratePerSecond);
    return burst < MAX_SPAN_NANOS && interval <= MAX_SPAN_NANOS / (burst + 1);
  }

  /** Time one unit of capacity takes to refill, in nanoseconds. */
  public long emissionIntervalNanos() {
    return intervalNanos(ratePerSecond);
  }

  // Math.round saturates at Long.MAX_VALUE, so a rate too small for a long is refused by fits().
  private static long intervalNanos(double ratePerSecond) {
    return Math.max(1L, Math.round(1_000_000_000d / ratePerSecond));
  }

  /** How far ahead of now the arrival time may run before requests are refused. */
  public long toleranceNanos() {
    return emissionIntervalNanos() * (burst - 1);
  }

  /**
   * Decides one request. {@code tat} is the stored theoretical arrival time, or null when there is
   * none; the returned decision carries the new one to store when allowed.
   */
  public Decision decide(Instant tat, Instant now) {
    long interval = emissionIntervalNanos();
    long tolerance = toleranceNanos();
    Instant base = tat == null || tat.isBefore(now) ? now : tat;
    Instant newTat = base.plusNanos(interval);
    Instant allowAt = newTat.minusNanos(interval + tolerance);
    if (allowAt.isAfter(now)) {
      Duration retryAfter = Duration.between(now, allowAt);
      return new Decision(false, base, 0, retryAfter, Duration.between(now, base));
    }
    long remaining =
        Math.max(0, (tolerance - Duration.between(now, newTat).toNanos()) / interval + 1);
    return new Decision(true, newTat, remaining, Duration.ZERO, Duration.between(now, newTat));
  }

  /**
   * One decision: {@code tat} is the arrival time to store; {@code resetAfter} is when the bucket
   * is full again.
   */
  public record Decision(
      boolean allowed, Instant tat, long remaining, Duration retryAfter, Duration resetAfter) {}
}
