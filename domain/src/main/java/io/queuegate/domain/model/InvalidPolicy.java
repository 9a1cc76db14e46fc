package io.queuegate.domain.model;

/** An operator sent a policy value outside its allowed range. */
public final class InvalidPolicy extends QueueException {
  public InvalidPolicy(String message) {
    super(message);
  }
}
