package io.queuegate.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a waiter counts as silent: its stored heartbeat is older than the heartbeat timeout plus the
 * flush grace and the thinning window ({@link HeartbeatThinning#window}), where the timeout is
 * counted back from the point up to which this instance's own heartbeats have reached the store,
 * and only over time in which the store was reachable. Those two shifts together are at most {@code
 * outageAllowance}, so a stuck flush or an endless outage cannot stop reaping for good
 * (docs/design.md#heartbeat).
 */
public final class SilenceRule {
  private final HeartbeatCoalescer heartbeats;
  private final StoreOutages outages;
  private final Duration flushGrace;
  private final Duration outageAllowance;

  /**
   * @param flushGrace how long a heartbeat may sit in any instance's memory before it reaches the
   *     store (one flush interval): it covers another instance that crashed with heartbeats unsent
   * @param outageAllowance the most by which a late flush and store outages may put reaping off
   */
  public SilenceRule(
      HeartbeatCoalescer heartbeats,
      StoreOutages outages,
      Duration flushGrace,
      Duration outageAllowance) {
    if (flushGrace.isNegative() || outageAllowance.isNegative()) {
      throw new IllegalArgumentException("flushGrace and outageAllowance must not be negative");
    }
    this.heartbeats = Objects.requireNonNull(heartbeats);
    this.outages = Objects.requireNonNull(outages);
    this.flushGrace = flushGrace;
    this.outageAllowance = outageAllowance;
  }

  /** Waiters whose last stored heartbeat is before this instant are silent. */
  public Instant silentSince(Duration heartbeatTimeout, Instant now) {
    Instant flushedUpTo = heartbeats.flushedUpTo(now);
    // A thinned waiter's stored heartbeat may be up to one thinning window older than its last
    // call (HeartbeatThinning).
    Duration grace = flushGrace.plus(HeartbeatThinning.window(heartbeatTimeout));
    Instant cutoff = outages.rewind(flushedUpTo, heartbeatTimeout).minus(grace);
    Instant patienceEnds = now.minus(heartbeatTimeout).minus(grace).minus(outageAllowance);
    return cutoff.isBefore(patienceEnds) ? patienceEnds : cutoff;
  }
}
