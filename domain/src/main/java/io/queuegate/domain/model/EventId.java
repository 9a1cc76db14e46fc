package io.queuegate.domain.model;

import java.util.regex.Pattern;

/**
 * Names one event on sale. The character set leaves out {@code { } * :} and whitespace so that an
 * id can never reach into another event's store keys.
 */
public record EventId(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public EventId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidEventId();
    }
  }

  /** Parses client input: missing or empty is {@link MissingEventId}, otherwise the rules apply. */
  public static EventId parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new MissingEventId();
    }
    return new EventId(raw);
  }

  @Override
  public String toString() {
    return value;
  }
}
