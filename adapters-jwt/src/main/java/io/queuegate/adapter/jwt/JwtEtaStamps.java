package io.queuegate.adapter.jwt;

import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.EtaStamps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ETA stamps sealed with HMAC-SHA256, the MAC of HS256 JWS (docs/design.md#eta): the ETA in seconds
 * and the first 8 bytes of the MAC over the event, the waiter and that ETA. A client can drop its
 * stamp, but cannot change it or move it to another waiter.
 */
public final class JwtEtaStamps implements EtaStamps {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int TAG_BYTES = 8;
  private static final byte[] PURPOSE = "queuegate eta stamp v1".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;

  private JwtEtaStamps(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /**
   * Stamps under a key derived from {@code secret}, which every instance that may see the waiter
   * again must share; without one, under a random key of this process.
   */
  public static JwtEtaStamps from(Optional<String> secret) {
    byte[] material;
    if (secret.isPresent()) {
      material = secret.get().getBytes(StandardCharsets.UTF_8);
    } else {
      material = new byte[32];
      new SecureRandom().nextBytes(material);
    }
    // A key of its own: the same secret signs other things, which must never verify as a stamp.
    return new JwtEtaStamps(hmac(new SecretKeySpec(material, ALGORITHM), PURPOSE));
  }

  @Override
  public String stamp(WaitingToken token, long etaSec) {
    int seconds = (int) Math.max(0, Math.min(Integer.MAX_VALUE, etaSec));
    byte[] bytes =
        ByteBuffer.allocate(4 + TAG_BYTES).putInt(seconds).put(tag(token, seconds)).array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public OptionalLong etaAtJoin(String rawToken) {
    Optional<WaitingToken> token = WaitingToken.parse(rawToken);
    Optional<String> stamp = WaitingToken.stampOf(rawToken);
    if (token.isEmpty() || stamp.isEmpty()) {
      return OptionalLong.empty();
    }
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(stamp.get()));
    int seconds = bytes.getInt();
    byte[] tag = new byte[TAG_BYTES];
    bytes.get(tag);
    return MessageDigest.isEqual(tag, tag(token.get(), seconds)) && seconds >= 0
        ? OptionalLong.of(seconds)
        : OptionalLong.empty();
  }

  private byte[] tag(WaitingToken token, int seconds) {
    byte[] message = (token.encode() + "~" + seconds).getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(hmac(key, message), TAG_BYTES);
  }

  private static byte[] hmac(SecretKeySpec key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      // Every JDK ships HmacSHA256.
      throw new IllegalStateException(e);
    }
  }
}
