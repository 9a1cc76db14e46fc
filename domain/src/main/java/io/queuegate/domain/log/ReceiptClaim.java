package io.queuegate.domain.log;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a join receipt states, once its signature was checked: the event, the entrant, when it
 * joined, whether into the pre-queue, and the number of its join record in the log.
 */
public record ReceiptClaim(
    EventId eventId, EntrantId entrant, Instant joinedAt, boolean preQueue, long logSeq) {
  public ReceiptClaim {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(entrant);
    Objects.requireNonNull(joinedAt);
  }
}
