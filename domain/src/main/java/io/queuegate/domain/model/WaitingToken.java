package io.queuegate.domain.model;

import java.util.Optional;

/**
 * What a client holds while waiting: {@code <event_id>~<waiter_id>}, optionally followed by {@code
 * ~<stamp>}, the ETA told at join sealed by the server (docs/design.md#eta), and for a first-come
 * join its place in the line as well (docs/design.md#line-mirror). It carries the event id so the
 * server reaches the event's data in one step; {@code ~} is URL-safe and outside both alphabets.
 * The stamp does not take part in the token's identity.
 */
public record WaitingToken(EventId eventId, WaiterId waiterId) {
  private static final char SEPARATOR = '~';

  /** The length of a stamp of the ETA alone: 12 bytes in URL-safe base64 without padding. */
  public static final int STAMP_LENGTH = 16;

  /** The length of a stamp of the ETA and a place: 24 bytes in URL-safe base64 without padding. */
  public static final int PLACED_STAMP_LENGTH = 32;

  /** The form sent to clients. */
  public String encode() {
    return eventId.value() + SEPARATOR + waiterId.value();
  }

  /** The form sent to clients with {@code stamp} after it, or without one when it is empty. */
  public String encode(String stamp) {
    return stamp.isEmpty() ? encode() : encode() + SEPARATOR + stamp;
  }

  /** Reads a client's token; anything malformed is empty, never an exception. */
  public static Optional<WaitingToken> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    int cut = raw.indexOf(SEPARATOR);
    if (cut <= 0) {
      return Optional.empty();
    }
    int stampCut = raw.indexOf(SEPARATOR, cut + 1);
    if (stampCut >= 0 && !isStamp(raw.substring(stampCut + 1))) {
      return Optional.empty();
    }
    String event = raw.substring(0, cut);
    String waiter = raw.substring(cut + 1, stampCut < 0 ? raw.length() : stampCut);
    return WaiterId.isWellFormed(waiter) && EventId.isWellFormed(event)
        ? Optional.of(new WaitingToken(new EventId(event), new WaiterId(waiter)))
        : Optional.empty();
  }

  /** The stamp of a well-formed token, or empty when it has none. */
  public static Optional<String> stampOf(String raw) {
    if (parse(raw).isEmpty()) {
      return Optional.empty();
    }
    int stampCut = raw.indexOf(SEPARATOR, raw.indexOf(SEPARATOR) + 1);
    return stampCut < 0 ? Optional.empty() : Optional.of(raw.substring(stampCut + 1));
  }

  private static boolean isStamp(String value) {
    if (value.length() != STAMP_LENGTH && value.length() != PLACED_STAMP_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(Alphabet.isAlphanumeric(c) || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return encode();
  }
}
