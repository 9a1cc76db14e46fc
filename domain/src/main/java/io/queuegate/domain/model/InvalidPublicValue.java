package io.queuegate.domain.model;

/** A shuffle public value that is empty, too long or holds control characters. */
public final class InvalidPublicValue extends QueueException {
  public static final int MAX_LENGTH = 1024;

  public InvalidPublicValue() {
    super("the public value must be 1 to " + MAX_LENGTH + " characters without control characters");
  }

  /** {@code value} when it may be a public value, else throws. */
  public static String check(String value) {
    if (value == null
        || value.isEmpty()
        || value.length() > MAX_LENGTH
        || !Text.isPrintable(value)) {
      throw new InvalidPublicValue();
    }
    return value;
  }
}
