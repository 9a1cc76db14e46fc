package io.queuegate.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A join about to be stored. The store assigns the sequence. With an identity, the store returns
 * that person's existing place instead of making a second one. With {@code preQueue}, the waiter
 * enters the event's pre-queue, unless the store has opened the event already (then it lines up
 * first come, first served as usual).
 */
public record NewWaiter(
    EventId eventId,
    WaiterId id,
    Optional<UserId> userId,
    Optional<Identity> identity,
    Optional<PreQueueEntry> preQueue) {
  public NewWaiter {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(id);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(identity);
    Objects.requireNonNull(preQueue);
  }

  /** A join into the ordinary first-come line. */
  public NewWaiter(
      EventId eventId, WaiterId id, Optional<UserId> userId, Optional<Identity> identity) {
    this(eventId, id, userId, identity, Optional.empty());
  }
}
