package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What an event stream needs from its event's policy to wait on the line (docs/design.md#push): the
 * ready window, since a waiter at position {@code p} cannot be ready before {@code p - readyWindow}
 * departures, and the longest wait between two looks, since each look is also the waiter's
 * heartbeat.
 */
public record StreamPace(long readyWindow, Duration longestWait) {
  public StreamPace {
    Objects.requireNonNull(longestWait);
    if (readyWindow < 1 || !longestWait.isPositive()) {
      throw new IllegalArgumentException("a ready window of one or more and a positive wait");
    }
  }
}
