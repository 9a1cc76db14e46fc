package io.queuegate.domain.model;

/** A request with the same idempotency key is still being processed. */
public final class DuplicateRequest extends QueueException {
  public DuplicateRequest() {
    super("a request with this Idempotency-Key is still in progress");
  }
}
