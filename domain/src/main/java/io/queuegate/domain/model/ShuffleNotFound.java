package io.queuegate.domain.model;

/** The event has no scheduled opening, so it has no shuffle to show or to feed. */
public final class ShuffleNotFound extends QueueException {
  public ShuffleNotFound() {
    super("this event has no scheduled opening");
  }
}
