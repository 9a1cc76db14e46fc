package io.queuegate.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The effective key of an opening shuffle and the order it makes (docs/fairness.md#order): {@code
 * key = HMAC-SHA256(seed, public value)} (an empty message when there is none), each entrant's
 * score is {@code HMAC-SHA256(key, entrant id)}, and the pre-queue is ordered by the first 52 bits
 * of the score (its first 13 hex characters as a number), smallest first, ties by entrant id.
 */
public record ShuffleKey(String hex) {
  private static final String HMAC = "HmacSHA256";

  /** Number of leading score bits that order entrants: they fit a double exactly. */
  public static final int ORDER_BITS = 52;

  public ShuffleKey {
    if (hex == null || hex.length() != 64 || !EntrantId.isLowerHex(hex)) {
      throw new IllegalArgumentException("a shuffle key is 64 lowercase hex characters");
    }
  }

  /** The key of {@code seed} with {@code publicValue} mixed in (UTF-8), or none. */
  public static ShuffleKey of(ShuffleSeed seed, Optional<String> publicValue) {
    byte[] message = publicValue.orElse("").getBytes(StandardCharsets.UTF_8);
    return new ShuffleKey(HexFormat.of().formatHex(hmac(seed.bytes()).doFinal(message)));
  }

  /** A scorer for many entrants; not thread-safe, so one per thread or chunk. */
  public Scorer scorer() {
    return new Scorer(hmac(HexFormat.of().parseHex(hex)));
  }

  /** The full score of one entrant, in lowercase hex (what a verifier prints). */
  public String scoreHex(EntrantId entrant) {
    return HexFormat.of().formatHex(scorer().mac.doFinal(ascii(entrant)));
  }

  /** Scores entrants with one reused MAC. */
  public static final class Scorer {
    private final Mac mac;

    private Scorer(Mac mac) {
      this.mac = mac;
    }

    /** The order score of {@code entrant}: the first 52 bits of its HMAC, as a number. */
    public long orderScore(EntrantId entrant) {
      byte[] full = mac.doFinal(ascii(entrant));
      long head = 0;
      for (int i = 0; i < 7; i++) {
        head = (head << 8) | (full[i] & 0xff);
      }
      return head >>> (56 - ORDER_BITS);
    }
  }

  // A hex entrant id is ASCII; the bytes of its text are what the HMAC covers.
  private static byte[] ascii(EntrantId entrant) {
    return entrant.value().getBytes(StandardCharsets.US_ASCII);
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + HMAC, e);
    }
  }
}
