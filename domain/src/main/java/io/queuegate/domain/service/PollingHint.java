package io.queuegate.domain.service;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** Tells a waiter how long to wait before its next status call. */
public final class PollingHint {
  // Polling no later than halfway to the ETA keeps a waiter from sleeping through its turn.
  private static final long MS_PER_ETA_SECOND = 500;

  private final RandomGenerator random;
  private final long msPerPosition;
  // Near the head, positions change every second or so; polling faster only adds load.
  private final long nearHeadMs;
  // Far back, nothing useful changes within the ceiling; it applies after the jitter too.
  private final long ceilingMs;
  // Jitter spreads clients that joined together, so their polls do not arrive in waves.
  private final double jitter;
  // Even a waiter at the head never polls more often than this.
  private final long floorMs;

  /** The specification's shape; {@code random} is shared by all request threads. */
  public PollingHint(RandomGenerator random) {
    this(random, PollingHintSettings.defaults());
  }

  /** {@code random} is shared by all request threads, so it must be thread-safe. */
  public PollingHint(RandomGenerator random, PollingHintSettings settings) {
    this.random = Objects.requireNonNull(random);
    this.msPerPosition = settings.perPosition().toMillis();
    this.nearHeadMs = settings.nearHead().toMillis();
    this.ceilingMs = settings.ceiling().toMillis();
    this.jitter = settings.jitter();
    this.floorMs = settings.floor().toMillis();
  }

  /** Milliseconds until the next poll for a waiter at {@code position} with this ETA. */
  public long pollAfterMs(long position, long etaSec) {
    long base =
        msPerPosition > 0 && position >= ceilingMs / msPerPosition
            ? ceilingMs
            : Math.max(nearHeadMs, position * msPerPosition);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    long jittered = Math.min(ceilingMs, Math.round(base * factor));
    long halfEta =
        etaSec >= ceilingMs / MS_PER_ETA_SECOND
            ? ceilingMs
            : Math.max(0, etaSec) * MS_PER_ETA_SECOND;
    return Math.max(floorMs, Math.min(jittered, halfEta));
  }
}
