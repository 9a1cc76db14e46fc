package io.queuegate.domain.model;

import java.util.Objects;

/**
 * A waiter and where it stands: position 1 is the head of the line. For a waiter still {@code
 * inPreQueue} (its event has not opened yet) the position is the size of the pre-queue, since no
 * place in it is decided before the opening.
 */
public record WaiterStanding(
    Waiter waiter, long position, PositionMethod method, boolean inPreQueue) {
  public WaiterStanding {
    Objects.requireNonNull(waiter);
    Objects.requireNonNull(method);
    if (position < 1) {
      throw new IllegalArgumentException("position starts at 1");
    }
  }

  /** A standing in the line (not in a pre-queue that has yet to open). */
  public WaiterStanding(Waiter waiter, long position, PositionMethod method) {
    this(waiter, position, method, false);
  }
}
