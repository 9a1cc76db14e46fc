package io.queuegate.domain.port.out;

import java.util.Objects;

/**
 * The gate's two store ports, over the same shared state as the queue's ports: sessions are live
 * admissions of the queue's events, so admitting at once must see the line and the ledger.
 */
public record GateStore(Rooms rooms, GateSessions sessions) {

  public GateStore {
    Objects.requireNonNull(rooms);
    Objects.requireNonNull(sessions);
  }
}
