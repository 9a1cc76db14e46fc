package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a joiner is told: the waiting token, where it stands right now with the ETA's range and the
 * stamp that seals the ETA into the token it is given ({@link #waitingToken}), its public entrant
 * id, for a scheduled sale whether it is in the pre-queue and when the sale opens, and the signed
 * receipt of the join (docs/fairness.md#receipt).
 */
public record JoinReceipt(
    WaitingToken token,
    long position,
    long etaSec,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec,
    String etaStamp,
    EntrantId entrant,
    boolean inPreQueue,
    Optional<Instant> opensAt,
    Optional<String> signedReceipt) {
  public JoinReceipt {
    Objects.requireNonNull(token);
    Objects.requireNonNull(etaStamp);
    Objects.requireNonNull(entrant);
    Objects.requireNonNull(opensAt);
    Objects.requireNonNull(signedReceipt);
  }

  /** The same answer with {@code receipt}, the join's signed receipt (docs/fairness.md#receipt). */
  public JoinReceipt withSignedReceipt(Optional<String> receipt) {
    return new JoinReceipt(
        token,
        position,
        etaSec,
        pollAfterMs,
        etaLowSec,
        etaHighSec,
        etaStamp,
        entrant,
        inPreQueue,
        opensAt,
        receipt);
  }

  /** The waiting token as the client gets it, stamp included. */
  public String waitingToken() {
    return token.encode(etaStamp);
  }
}
