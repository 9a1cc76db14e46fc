package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a waiter is told on each poll. {@code inPreQueue}: the sale has not opened yet and {@code
 * position} is the size of the pre-queue; {@code opensAt} is set for scheduled sales.
 */
public record WaiterStatus(
    long position,
    long etaSec,
    long waitingTimeSec,
    boolean readyForEntry,
    long pollAfterMs,
    boolean inPreQueue,
    Optional<Instant> opensAt) {
  public WaiterStatus {
    Objects.requireNonNull(opensAt);
  }

  /** A status of an event without a scheduled opening. */
  public WaiterStatus(
      long position, long etaSec, long waitingTimeSec, boolean readyForEntry, long pollAfterMs) {
    this(position, etaSec, waitingTimeSec, readyForEntry, pollAfterMs, false, Optional.empty());
  }
}
