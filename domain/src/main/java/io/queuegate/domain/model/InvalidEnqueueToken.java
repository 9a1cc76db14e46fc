package io.queuegate.domain.model;

/** The enqueue token is malformed, badly signed, expired or meant for another event. */
public final class InvalidEnqueueToken extends QueueException {
  public InvalidEnqueueToken(String reason) {
    super("invalid enqueue token: " + reason);
  }
}
