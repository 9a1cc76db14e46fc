package io.queuegate.domain.model;

/** The waiter was removed from the line for inactivity. */
public final class WaiterExpired extends QueueException {
  public WaiterExpired() {
    super("waiting token expired after missed heartbeats; join again");
  }
}
