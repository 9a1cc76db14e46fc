package io.queuegate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an ALTCHA client does without a browser: solve a challenge by brute force and encode the
 * payload for {@code X-Proof-Of-Work}; and, knowing the server's secret, forge challenges the
 * server itself would have signed (to test refusals that need no waiting, such as expiry).
 */
final class AltchaClient {
  private static final HexFormat HEX = HexFormat.of();

  private AltchaClient() {}

  /** The payload solving {@code challenge} (the JSON of GET /api/v1/queue/challenge). */
  static String solve(JsonNode challenge) {
    String salt = challenge.path("salt").asText();
    String target = challenge.path("challenge").asText();
    long max = challenge.path("maxnumber").asLong();
    for (long n = 0; n <= max; n++) {
      if (sha256Hex(salt + n).equals(target)) {
        return payload(challenge, n);
      }
    }
    throw new AssertionError("no number up to " + max + " solves " + challenge);
  }

  /** The payload of {@code challenge} with {@code number}, right or wrong. */
  static String payload(JsonNode challenge, long number) {
    ObjectNode p = Api.JSON.createObjectNode();
    p.put("algorithm", challenge.path("algorithm").asText());
    p.put("challenge", challenge.path("challenge").asText());
    p.put("number", number);
    p.put("salt", challenge.path("salt").asText());
    p.put("signature", challenge.path("signature").asText());
    return Base64.getEncoder().encodeToString(p.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A solved payload for a challenge signed with {@code secret}, with the given salt. */
  static String forged(String secret, String salt, long number) {
    String challenge = sha256Hex(salt + number);
    ObjectNode c = Api.JSON.createObjectNode();
    c.put("algorithm", "SHA-256");
    c.put("challenge", challenge);
    c.put("salt", salt);
    c.put("signature", hmacHex(secret, challenge));
    return payload(c, number);
  }

  static String sha256Hex(String s) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmacHex(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
