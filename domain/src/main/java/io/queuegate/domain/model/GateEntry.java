package io.queuegate.domain.model;

import java.util.Objects;

/** A waiter let in through the gate: the session cookie to set and where to send the visitor. */
public record GateEntry(SessionCookie cookie, String redirect) {
  public GateEntry {
    Objects.requireNonNull(cookie);
    Objects.requireNonNull(redirect);
  }
}
