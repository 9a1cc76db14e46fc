package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A join before the event's pre-queue starts; the answer says when it does and when it opens. */
public final class SaleNotStarted extends QueueException {
  private final transient SaleSchedule schedule;

  public SaleNotStarted(SaleSchedule schedule) {
    super("the sale has not started; joining opens at " + schedule.preQueueStartsAt());
    this.schedule = Objects.requireNonNull(schedule);
  }

  public Instant preQueueStartsAt() {
    return schedule.preQueueStartsAt();
  }

  public Instant opensAt() {
    return schedule.opensAt();
  }
}
