package io.queuegate.domain.model;

/** No room has this id. */
public final class RoomNotFound extends QueueException {
  public RoomNotFound() {
    super("room not found");
  }
}
