package io.queuegate.domain.model;

/** The idempotency key was used before with a different request body. */
public final class IdempotencyConflict extends QueueException {
  public IdempotencyConflict() {
    super("Idempotency-Key was already used with a different request body");
  }
}
