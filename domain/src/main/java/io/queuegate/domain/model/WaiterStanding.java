package io.queuegate.domain.model;

import java.util.Objects;

/** A waiter and where it stands: position 1 is the head of the line. */
public record WaiterStanding(Waiter waiter, long position, PositionMethod method) {
  public WaiterStanding {
    Objects.requireNonNull(waiter);
    Objects.requireNonNull(method);
    if (position < 1) {
      throw new IllegalArgumentException("position starts at 1");
    }
  }
}
