package io.queuegate.domain.model;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret 256-bit seed of an event's opening shuffle, as 64 lowercase hex characters. It is
 * published only after the opening; before, only its {@link #commitment()} is.
 */
public record ShuffleSeed(String hex) {
  private static final int LENGTH = 64;
  private static final SecureRandom SECURE = new SecureRandom();

  public ShuffleSeed {
    if (hex == null || hex.length() != LENGTH || !EntrantId.isLowerHex(hex)) {
      throw new IllegalArgumentException("a shuffle seed is 64 lowercase hex characters");
    }
  }

  /** A fresh seed from a cryptographically strong generator. */
  public static ShuffleSeed random() {
    byte[] bytes = new byte[LENGTH / 2];
    SECURE.nextBytes(bytes);
    return new ShuffleSeed(HexFormat.of().formatHex(bytes));
  }

  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  /** SHA-256 of the seed's 32 bytes, in lowercase hex: published from the start. */
  public String commitment() {
    return HexFormat.of().formatHex(EntrantId.sha256().digest(bytes()));
  }

  // A seed must never reach a log line by accident.
  @Override
  public String toString() {
    return "ShuffleSeed[commitment=" + commitment() + "]";
  }
}
