package io.queuegate.domain.service;

import java.time.Duration;

/**
 * The polling hint's shape: {@code perPosition} per place ahead, at least {@code nearHead} and at
 * most {@code ceiling}, ±{@code jitter}, never more than half the ETA and never below {@code
 * floor}.
 */
public record PollingHintSettings(
    Duration perPosition, Duration nearHead, Duration ceiling, double jitter, Duration floor) {

  public PollingHintSettings {
    if (perPosition.isNegative()
        || nearHead.isNegative()
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
   * The specification's shape: 10 ms per place (about 1 s near the head, 30 s from place 3000 on),
   * ±20% jitter, a 500 ms floor.
   */
  public static PollingHintSettings defaults() {
    return new PollingHintSettings(
        Duration.ofMillis(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        0.2,
        Duration.ofMillis(500));
  }
}
