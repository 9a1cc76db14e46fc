package io.queuegate.domain.model;

/** The event's policy requires a solved proof-of-work challenge at join, and none came. */
public final class ProofOfWorkRequired extends QueueException {
  public ProofOfWorkRequired() {
    super("this event requires a solved proof-of-work challenge at join");
  }
}
