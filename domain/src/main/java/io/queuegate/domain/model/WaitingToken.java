package io.queuegate.domain.model;

import java.util.Optional;

/**
 * What a client holds while waiting: {@code <event_id>~<waiter_id>}. It carries the event id so the
 * server reaches the event's data in one step; {@code ~} is URL-safe and outside both alphabets.
 */
public record WaitingToken(EventId eventId, WaiterId waiterId) {
  private static final char SEPARATOR = '~';

  /** The form sent to clients. */
  public String encode() {
    return eventId.value() + SEPARATOR + waiterId.value();
  }

  /** Reads a client's token; anything malformed is empty, never an exception. */
  public static Optional<WaitingToken> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    int cut = raw.indexOf(SEPARATOR);
    if (cut <= 0 || cut != raw.lastIndexOf(SEPARATOR)) {
      return Optional.empty();
    }
    String event = raw.substring(0, cut);
    String waiter = raw.substring(cut + 1);
    return WaiterId.isWellFormed(waiter) && EventId.isWellFormed(event)
        ? Optional.of(new WaitingToken(new EventId(event), new WaiterId(waiter)))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return encode();
  }
}
