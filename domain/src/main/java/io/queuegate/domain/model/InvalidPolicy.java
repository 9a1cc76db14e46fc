package io.queuegate.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An operator sent a policy value outside its allowed range. {@code rule} says what the value must
 * be, in words that hold whatever the field is called on the wire; adapters name the field.
 */
public final class InvalidPolicy extends QueueException {
  private final PolicyField field;
  private final String rule;

  public InvalidPolicy(PolicyField field, String rule) {
    super(field.name().toLowerCase(Locale.ROOT) + " " + rule);
    this.field = Objects.requireNonNull(field);
    this.rule = Objects.requireNonNull(rule);
  }

  public PolicyField field() {
    return field;
  }

  /** What the value must be, such as "must be 1 to 1000000". */
  public String rule() {
    return rule;
  }
}
