package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a joiner is told: the waiting token, its public entrant id, where it stands right now, for a
 * scheduled sale whether it is in the pre-queue and when the sale opens, and the signed receipt of
 * the join (docs/fairness.md#receipt).
 */
public record JoinReceipt(
    WaitingToken token,
    long position,
    long etaSec,
    long pollAfterMs,
    EntrantId entrant,
    boolean inPreQueue,
    Optional<Instant> opensAt,
    Optional<String> signedReceipt) {
  public JoinReceipt {
    Objects.requireNonNull(token);
    Objects.requireNonNull(entrant);
    Objects.requireNonNull(opensAt);
    Objects.requireNonNull(signedReceipt);
  }

  /** An answer without a signed receipt. */
  public JoinReceipt(
      WaitingToken token,
      long position,
      long etaSec,
      long pollAfterMs,
      EntrantId entrant,
      boolean inPreQueue,
      Optional<Instant> opensAt) {
    this(token, position, etaSec, pollAfterMs, entrant, inPreQueue, opensAt, Optional.empty());
  }

  /** The same answer with {@code receipt}, the join's signed receipt (docs/fairness.md#receipt). */
  public JoinReceipt withSignedReceipt(Optional<String> receipt) {
    return new JoinReceipt(
        token, position, etaSec, pollAfterMs, entrant, inPreQueue, opensAt, receipt);
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
