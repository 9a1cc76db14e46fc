package io.queuegate.domain.model;

import java.util.Objects;

/** The proof-of-work solution is malformed, wrong, expired, for another event, or already spent. */
public final class InvalidProofOfWork extends QueueException {
  private final ProofOfWorkRefusal reason;

  /**
   * @param detail what was wrong, in the server's words: never the client's bytes
   */
  public InvalidProofOfWork(ProofOfWorkRefusal reason, String detail) {
    super("invalid proof of work: " + detail);
    this.reason = Objects.requireNonNull(reason);
  }

  /** Why, as a metric can count it. */
  public ProofOfWorkRefusal reason() {
    return reason;
  }
}
