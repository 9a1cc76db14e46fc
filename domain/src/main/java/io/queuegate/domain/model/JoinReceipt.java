package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a joiner is told: the waiting token, its public entrant id, where it stands right now, and
 * for a scheduled sale whether it is in the pre-queue and when the sale opens.
 */
public record JoinReceipt(
    WaitingToken token,
    long position,
    long etaSec,
    long pollAfterMs,
    EntrantId entrant,
    boolean inPreQueue,
    Optional<Instant> opensAt) {
  public JoinReceipt {
    Objects.requireNonNull(token);
    Objects.requireNonNull(entrant);
    Objects.requireNonNull(opensAt);
  }

  /** The receipt of a join to an event without a scheduled opening. */
  public JoinReceipt(WaitingToken token, long position, long etaSec, long pollAfterMs) {
    this(
        token,
        position,
        etaSec,
        pollAfterMs,
        EntrantId.of(token.waiterId()),
        false,
        Optional.empty());
  }
}
