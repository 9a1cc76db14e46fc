package io.queuegate.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A waiter's public name (docs/fairness.md#entrant-id): 32 lowercase hex characters, the first 16
 * bytes of SHA-256 of {@code "queuegate-entrant:"} followed by the waiter id. It names a place in
 * the shuffle and, later, in receipts and logs, without giving away the waiting token (the hash
 * cannot be reversed to the 128 random bits behind it) or anything about the person.
 */
public record EntrantId(String value) implements Comparable<EntrantId> {
  private static final int LENGTH = 32;
  private static final byte[] PREFIX = "queuegate-entrant:".getBytes(StandardCharsets.US_ASCII);

  public EntrantId {
    if (value == null || value.length() != LENGTH || !isLowerHex(value)) {
      throw new IllegalArgumentException("an entrant id is 32 lowercase hex characters");
    }
  }

  /** The entrant id of {@code waiterId}; every store and verifier derives the same one. */
  public static EntrantId of(WaiterId waiterId) {
    MessageDigest sha256 = sha256();
    sha256.update(PREFIX);
    sha256.update(waiterId.value().getBytes(StandardCharsets.US_ASCII));
    byte[] digest = sha256.digest();
    return new EntrantId(HexFormat.of().formatHex(digest, 0, LENGTH / 2));
  }

  /** Entrant ids compare as their text (the same as comparing their bytes). */
  @Override
  public int compareTo(EntrantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  static boolean isLowerHex(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
