package io.queuegate.domain.model;

/** Joins to this event are paused by an operator. */
public final class EventPaused extends QueueException {
  public EventPaused() {
    super("joining this event is paused");
  }
}
