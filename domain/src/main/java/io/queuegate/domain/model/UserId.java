package io.queuegate.domain.model;

import java.util.Optional;

/**
 * The caller-supplied user id. Informational only: it is copied into the admission token but never
 * finds or merges places, because anyone can send any user id.
 */
public record UserId(String value) {
  public static final int MAX_LENGTH = 128;

  public UserId {
    if (value == null
        || value.isEmpty()
        || value.length() > MAX_LENGTH
        || value.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidUserId();
    }
  }

  /** Parses optional client input; null or empty means no user id. */
  public static Optional<UserId> parseOptional(String raw) {
    return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(new UserId(raw));
  }

  @Override
  public String toString() {
    return value;
  }
}
