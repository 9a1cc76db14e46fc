package io.queuegate.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A join about to be stored. The store assigns the sequence. With an identity, the store returns
 * that person's existing place instead of making a second one.
 */
public record NewWaiter(
    EventId eventId, WaiterId id, Optional<UserId> userId, Optional<Identity> identity) {
  public NewWaiter {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(id);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(identity);
  }
}
