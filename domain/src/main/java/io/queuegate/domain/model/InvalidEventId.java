package io.queuegate.domain.model;

/** The event id breaks the identifier rules (1 to 64 of A-Z a-z 0-9 . _ -). */
public final class InvalidEventId extends QueueException {
  public InvalidEventId() {
    super("event_id must be 1 to 64 characters from A-Z a-z 0-9 . _ -");
  }
}
