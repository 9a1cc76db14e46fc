package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a waiter is told on each poll, with the range of its ETA. {@code inPreQueue}: the sale has
 * not opened yet and {@code position} is the size of the pre-queue; {@code opensAt} is set for
 * scheduled sales.
 */
public record WaiterStatus(
    long position,
    long etaSec,
    long waitingTimeSec,
    boolean readyForEntry,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec,
    boolean inPreQueue,
    Optional<Instant> opensAt) {
  public WaiterStatus {
    Objects.requireNonNull(opensAt);
  }

  /** A status of an event without a scheduled opening, with the range of its ETA. */
  public WaiterStatus(
      long position,
      long etaSec,
      long waitingTimeSec,
      boolean readyForEntry,
      long pollAfterMs,
      long etaLowSec,
      long etaHighSec) {
    this(
        position,
        etaSec,
        waitingTimeSec,
        readyForEntry,
        pollAfterMs,
        etaLowSec,
        etaHighSec,
        false,
        Optional.empty());
  }

  /** A status without a range (the range is the ETA itself), maybe of a scheduled sale. */
  public WaiterStatus(
      long position,
      long etaSec,
      long waitingTimeSec,
      boolean readyForEntry,
      long pollAfterMs,
      boolean inPreQueue,
      Optional<Instant> opensAt) {
    this(
        position,
        etaSec,
        waitingTimeSec,
        readyForEntry,
        pollAfterMs,
        etaSec,
        etaSec,
        inPreQueue,
        opensAt);
  }

  /** A status of an event without a scheduled opening, without a range. */
  public WaiterStatus(
      long position, long etaSec, long waitingTimeSec, boolean readyForEntry, long pollAfterMs) {
    this(position, etaSec, waitingTimeSec, readyForEntry, pollAfterMs, etaSec, etaSec);
  }
}
