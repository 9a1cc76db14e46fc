package io.queuegate.domain.model;

/** The waiting token is malformed or unknown, or its waiter has already left or entered. */
public final class WaiterNotFound extends QueueException {
  public WaiterNotFound() {
    super("waiting token not found");
  }
}
