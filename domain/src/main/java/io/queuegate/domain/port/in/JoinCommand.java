package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/** A join request: the event, an informational user id, and an optional enqueue token (a JWT). */
public record JoinCommand(EventId eventId, Optional<UserId> userId, Optional<String> enqueueToken) {
  public JoinCommand {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(enqueueToken);
  }
}
