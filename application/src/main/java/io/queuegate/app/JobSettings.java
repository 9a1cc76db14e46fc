package io.queuegate.app;

import java.time.Duration;

/**
 * The background jobs: reaping silent waiters ({@code reapConcurrency} events at once, putting
 * reaping off by at most {@code outageAllowance} for time the store was unreachable or heartbeats
 * could not be flushed) and flushing coalesced heartbeats.
 */
public record JobSettings(
    Duration reapInterval,
    int reapBatchSize,
    Duration flushInterval,
    int reapConcurrency,
    Duration outageAllowance) {

  public JobSettings {
    if (reapConcurrency < 1 || outageAllowance.isNegative()) {
      throw new IllegalArgumentException(
          "queuegate.reaper.concurrency must be positive and outage-allowance not negative");
    }
  }
}
