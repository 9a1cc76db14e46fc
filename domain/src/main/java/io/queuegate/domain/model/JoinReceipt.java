package io.queuegate.domain.model;

/**
 * What a joiner is told: the waiting token and where it stands right now, with the ETA's range and
 * the stamp that seals the ETA into the token it is given ({@link #waitingToken}).
 */
public record JoinReceipt(
    WaitingToken token,
    long position,
    long etaSec,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec,
    String etaStamp) {

  /** A receipt without a range or stamp: the range is the ETA itself. */
  public JoinReceipt(WaitingToken token, long position, long etaSec, long pollAfterMs) {
    this(token, position, etaSec, pollAfterMs, etaSec, etaSec, "");
  }

  /** The waiting token as the client gets it, stamp included. */
  public String waitingToken() {
    return token.encode(etaStamp);
  }
}
