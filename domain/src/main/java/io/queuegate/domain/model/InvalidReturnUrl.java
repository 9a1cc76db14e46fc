package io.queuegate.domain.model;

/**
 * The URL a visitor should return to after the line is not one the gate may send them to: it is
 * malformed, leaves the room's host, or no room protects it. Refusing it is what keeps the gate
 * from being an open redirect.
 */
public final class InvalidReturnUrl extends QueueException {
  public InvalidReturnUrl(String reason) {
    super("invalid return URL: " + reason);
  }
}
