package io.queuegate.domain.service;

import java.time.Duration;

/**
 * The polling hint's shape: {@code shareOfWaitUntilReady} of the shortest time until the waiter's
 * position is within the ready window, at least {@code nearHead} and at most {@code ceiling},
 * ±{@code jitter}, never more than half the ETA and never below {@code floor}.
 */
public record PollingHintSettings(
    double shareOfWaitUntilReady,
    Duration nearHead,
    Duration ceiling,
    double jitter,
    Duration floor) {

  public PollingHintSettings {
    // At most half the wait, so that even the largest jitter (below 100%) wakes the waiter before
    // its turn: each poll then covers less than the whole remaining wait.
    if (!(shareOfWaitUntilReady > 0 && shareOfWaitUntilReady <= 0.5)) {
      throw new IllegalArgumentException(
          "polling hint share-of-wait-until-ready must be above 0 and at most 0.5");
    }
    if (nearHead.isNegative()
        || floor.isNegative()
        || ceiling.compareTo(nearHead) < 0
        || ceiling.compareTo(floor) < 0) {
      throw new IllegalArgumentException("polling hint needs 0 <= floor, near-head <= ceiling");
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("polling hint jitter must be in [0, 1)");
    }
  }

  /**
   * The default shape (docs/design.md#polling-hint): 40% of the expected wait until ready (so that
   * with +20% jitter one poll still covers under half of it), between 1 s near the head and 30 s
   * far back, ±20% jitter, a 500 ms floor.
   */
  public static PollingHintSettings defaults() {
    return new PollingHintSettings(
        0.4, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, Duration.ofMillis(500));
  }
}
