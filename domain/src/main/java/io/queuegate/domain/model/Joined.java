package io.queuegate.domain.model;

/**
 * The outcome of a join: the new place, or the person's existing one ({@code existing}), and the
 * number of the place's join record in the event's log (docs/design.md#log), 0 when unknown.
 */
public record Joined(WaiterStanding standing, boolean existing, long logSeq) {
  /** A join whose log record is unknown. */
  public Joined(WaiterStanding standing, boolean existing) {
    this(standing, existing, 0);
  }
}
