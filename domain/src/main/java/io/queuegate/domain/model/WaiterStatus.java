package io.queuegate.domain.model;

/** What a waiter is told on each poll, with the range of its ETA. */
public record WaiterStatus(
    long position,
    long etaSec,
    long waitingTimeSec,
    boolean readyForEntry,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec) {

  /** A status without a range: the range is the ETA itself. */
  public WaiterStatus(
      long position, long etaSec, long waitingTimeSec, boolean readyForEntry, long pollAfterMs) {
    this(position, etaSec, waitingTimeSec, readyForEntry, pollAfterMs, etaSec, etaSec);
  }
}
