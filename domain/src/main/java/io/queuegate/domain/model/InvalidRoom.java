package io.queuegate.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An operator sent a room value outside its rules. {@code rule} says what the value must be; the
 * adapters name the field in their own words.
 */
public final class InvalidRoom extends QueueException {
  private final RoomField field;
  private final String rule;

  public InvalidRoom(RoomField field, String rule) {
    super(field.name().toLowerCase(Locale.ROOT) + " " + rule);
    this.field = Objects.requireNonNull(field);
    this.rule = Objects.requireNonNull(rule);
  }

  public RoomField field() {
    return field;
  }

  /** What the value must be, such as "must start with '/'". */
  public String rule() {
    return rule;
  }
}
