package io.queuegate.domain.service;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** Tells a waiter how long to wait before its next status call. */
public final class PollingHint {
  // Ten milliseconds per place ahead: about 1 s near the head, the ceiling from place 3000 on.
  private static final long MS_PER_POSITION = 10;
  // Near the head, positions change every second or so; polling faster only adds load.
  private static final long MIN_BASE_MS = 1_000;
  // Far back, nothing useful changes within 30 s; the specification caps the hint there, so the
  // cap applies after the jitter too.
  private static final long MAX_MS = 30_000;
  // ±20% spreads clients that joined together, so their polls do not arrive in waves.
  private static final double JITTER = 0.2;
  // Polling no later than halfway to the ETA keeps a waiter from sleeping through its turn.
  private static final long MS_PER_ETA_SECOND = 500;
  // The specification's floor: even a waiter at the head never polls more often than this.
  private static final long FLOOR_MS = 500;

  private final RandomGenerator random;

  /** {@code random} is shared by all request threads, so it must be thread-safe. */
  public PollingHint(RandomGenerator random) {
    this.random = Objects.requireNonNull(random);
  }

  /** Milliseconds until the next poll for a waiter at {@code position} with this ETA. */
  public long pollAfterMs(long position, long etaSec) {
    long base =
        position >= MAX_MS / MS_PER_POSITION
            ? MAX_MS
            : Math.max(MIN_BASE_MS, position * MS_PER_POSITION);
    double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
    long jittered = Math.min(MAX_MS, Math.round(base * factor));
    long halfEta =
        etaSec >= MAX_MS / MS_PER_ETA_SECOND ? MAX_MS : Math.max(0, etaSec) * MS_PER_ETA_SECOND;
    return Math.max(FLOOR_MS, Math.min(jittered, halfEta));
  }
}
