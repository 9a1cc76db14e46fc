package io.queuegate.domain.model;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;

/** The random part of a waiting token: 128 random bits as 22 URL-safe base64 characters. */
public record WaiterId(String value) {
  private static final int LENGTH = 22;
  private static final RandomGenerator SECURE = new SecureRandom();

  public WaiterId {
    if (!isWellFormed(value)) {
      throw new WaiterNotFound();
    }
  }

  /** A fresh id with 128 bits from a cryptographically strong generator. */
  public static WaiterId random() {
    byte[] bytes = new byte[16];
    SECURE.nextBytes(bytes);
    return new WaiterId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Whether {@code raw} has the shape of a waiter id. */
  public static boolean isWellFormed(String raw) {
    if (raw == null || raw.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = raw.charAt(i);
      if (!(Alphabet.isAlphanumeric(c) || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  // Written out: these ids are hash keys on the status hot path, and the generated record methods
  // showed up in its profile.
  @Override
  public boolean equals(Object other) {
    return other instanceof WaiterId id && value.equals(id.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
