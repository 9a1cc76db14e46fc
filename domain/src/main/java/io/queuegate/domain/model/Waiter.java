package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One place in one event's line. {@code sequence} orders the line; wall clocks never do. */
public record Waiter(
    EventId eventId,
    WaiterId id,
    long sequence,
    Optional<UserId> userId,
    Optional<Identity> identity,
    Instant joinedAt) {
  public Waiter {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(id);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(identity);
    Objects.requireNonNull(joinedAt);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
  }

  public WaitingToken token() {
    return new WaitingToken(eventId, id);
  }
}
