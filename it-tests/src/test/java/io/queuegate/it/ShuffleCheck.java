package io.queuegate.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a buyer can check of a scheduled sale, written from the published rules
 * (docs/fairness.md#order) with the JDK alone, not with the service's own classes: the entrant id
 * of a token, the seed's commitment, the effective key and the order it makes.
 */
final class ShuffleCheck {
  private static final HexFormat HEX = HexFormat.of();

  private ShuffleCheck() {}

  /** The first 16 bytes of SHA-256("queuegate-entrant:" + waiter id), in hex. */
  static String entrantIdOf(String waitingToken) {
    String waiterId = waitingToken.substring(waitingToken.indexOf('~') + 1);
    byte[] digest = sha256(("queuegate-entrant:" + waiterId).getBytes(StandardCharsets.US_ASCII));
    return HEX.formatHex(digest, 0, 16);
  }

  /** SHA-256 of the seed's 32 bytes, in hex. */
  static String commitmentOf(String seedHex) {
    return HEX.formatHex(sha256(HEX.parseHex(seedHex)));
  }

  /** HMAC-SHA256(seed bytes, UTF-8 public value), in hex. */
  static String effectiveKey(String seedHex, String publicValue) {
    return HEX.formatHex(hmac(HEX.parseHex(seedHex), publicValue.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The entrants in shuffled order: by the first 13 hex digits of HMAC-SHA256(key, entrant id) as a
   * number, then by entrant id.
   */
  static List<String> order(String keyHex, List<String> entrants) {
    byte[] key = HEX.parseHex(keyHex);
    Comparator<String> byScore =
        Comparator.comparingLong(
            e ->
                Long.parseLong(
                    HEX.formatHex(hmac(key, e.getBytes(StandardCharsets.US_ASCII)))
                        .substring(0, 13),
                    16));
    return entrants.stream().sorted(byScore.thenComparing(Comparator.naturalOrder())).toList();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
