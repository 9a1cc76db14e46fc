package io.queuegate.domain.model;

/** The request named no event. */
public final class MissingEventId extends QueueException {
  public MissingEventId() {
    super("event_id is required");
  }
}
