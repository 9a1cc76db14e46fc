package io.queuegate.domain.model;

/** The user id is too long or holds control characters. */
public final class InvalidUserId extends QueueException {
  public InvalidUserId() {
    super("user_id must be at most 128 characters with no control characters");
  }
}
