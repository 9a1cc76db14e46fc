package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a waiter is told on each poll, with the range of its ETA. {@code inPreQueue}: the sale has
 * not opened yet and {@code position} is the size of the pre-queue; {@code opensAt} is set for
 * scheduled sales. {@code source} tells where the position came from (the mirror or the store).
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
    Optional<Instant> opensAt,
    PositionSource source) {
  public WaiterStatus {
    Objects.requireNonNull(opensAt);
    Objects.requireNonNull(source);
  }
}
