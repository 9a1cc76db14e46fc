package io.queuegate.domain.model;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The random part of a waiting token: 128 random bits as 22 URL-safe base64 characters. */
public record WaiterId(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final RandomGenerator SECURE = new SecureRandom();

  public WaiterId {
    if (value == null || !VALID.matcher(value).matches()) {
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
    return raw != null && VALID.matcher(raw).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
