package io.queuegate.domain.service;

import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.PolicyField;
import io.queuegate.domain.model.SaleSchedule;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which changes of a sale's schedule are allowed when (docs/design.md#pre-queue). Once the
 * pre-queue has started, entrants joined on its terms: its start and the public value's source are
 * fixed, and the opening may only move while it is still ahead. Once the sale has opened, nothing
 * of the schedule changes. A new opening time is always in the future.
 */
final class ScheduleRule {
  private ScheduleRule() {}

  static void check(Optional<SaleSchedule> current, Optional<SaleSchedule> next, Instant now) {
    if (current.equals(next)) {
      return;
    }
    if (current.isPresent() && !now.isBefore(current.get().preQueueStartsAt())) {
      SaleSchedule started = current.get();
      if (started.isOpenAt(now)) {
        throw new InvalidPolicy(PolicyField.OPENS_AT, "cannot change once the sale has opened");
      }
      SaleSchedule changed =
          next.orElseThrow(
              () ->
                  new InvalidPolicy(
                      PolicyField.OPENS_AT, "cannot be removed once the pre-queue has started"));
      if (!changed.preQueueStartsAt().equals(started.preQueueStartsAt())) {
        throw new InvalidPolicy(
            PolicyField.PRE_QUEUE_STARTS_AT, "cannot change once the pre-queue has started");
      }
      if (!Objects.equals(changed.publicValueSource(), started.publicValueSource())) {
        throw new InvalidPolicy(
            PolicyField.SHUFFLE_PUBLIC_VALUE_SOURCE,
            "cannot change once the pre-queue has started");
      }
    }
    if (next.isPresent() && next.get().isOpenAt(now)) {
      throw new InvalidPolicy(PolicyField.OPENS_AT, "must be in the future");
    }
  }
}
