package io.queuegate.domain.push;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * What an event stream waits on: how many waiters have left an event's line as this instance's
 * mirror saw them, and a wait until that count reaches a target. A waiter at position {@code p} in
 * a ready window of {@code w} cannot be ready before {@code p - w} more departures, so its stream
 * may sleep until then (docs/design.md#push).
 */
public interface Departures {

  /** The departures seen so far, or empty when this instance does not mirror the event. */
  OptionalLong seen(EventId eventId);

  /**
   * Blocks the calling (virtual) thread until the event's departures reach {@code target}, {@code
   * maxWait} passes, or the event is dropped; returns at once with {@link Wake#UNKNOWN} when the
   * event is not mirrored here.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  Wake await(EventId eventId, long target, Duration maxWait) throws InterruptedException;

  /** Departures of an instance that mirrors nothing: every stream keeps its timer. */
  Departures NONE =
      new Departures() {
        @Override
        public OptionalLong seen(EventId eventId) {
          return OptionalLong.empty();
        }

        @Override
        public Wake await(EventId eventId, long target, Duration maxWait) {
          return Wake.UNKNOWN;
        }
      };
}
