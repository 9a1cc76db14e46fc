package io.queuegate.domain.model;

/** The proof-of-work solution is malformed, wrong, expired, for another event, or already spent. */
public final class InvalidProofOfWork extends QueueException {
  public InvalidProofOfWork(String reason) {
    super("invalid proof of work: " + reason);
  }
}
