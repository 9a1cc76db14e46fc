package io.queuegate.adapter.jwt;

import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.EtaStamps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ETA stamps sealed with HMAC-SHA256, the MAC of HS256 JWS (docs/design.md#eta): the ETA in
 * seconds, for a first-come join the waiter's sequence and join second
 * (docs/design.md#line-mirror), and the first 8 bytes of the MAC over the event, the waiter and
 * those fields. A client can drop its stamp, but cannot change it, shorten it, or move it to
 * another waiter.
 */
public final class JwtEtaStamps implements EtaStamps {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int TAG_BYTES = 8;
  private static final int PLACE_BYTES = 8 + 4;
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
    int seconds = clamp(etaSec);
    byte[] bytes =
        ByteBuffer.allocate(4 + TAG_BYTES).putInt(seconds).put(tag(token, seconds, "")).array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String stamp(WaitingToken token, long etaSec, SealedPlace place) {
    int seconds = clamp(etaSec);
    // Unsigned seconds since 1970 last until 2106.
    int joined = (int) Math.min(0xFFFF_FFFFL, Math.max(0, place.joinedAt().getEpochSecond()));
    byte[] bytes =
        ByteBuffer.allocate(4 + PLACE_BYTES + TAG_BYTES)
            .putInt(seconds)
            .putLong(place.sequence())
            .putInt(joined)
            .put(tag(token, seconds, placeText(place.sequence(), joined)))
            .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public OptionalLong etaAtJoin(String rawToken) {
    Optional<Sealed> sealed = open(rawToken);
    return sealed.isPresent() ? OptionalLong.of(sealed.get().etaSec()) : OptionalLong.empty();
  }

  @Override
  public Optional<SealedPlace> placeOf(String rawToken) {
    return open(rawToken).flatMap(Sealed::place);
  }

  /** What a stamp holds once its tag checked. */
  private record Sealed(int etaSec, Optional<SealedPlace> place) {}

  private Optional<Sealed> open(String rawToken) {
    Optional<WaitingToken> token = WaitingToken.parse(rawToken);
    Optional<String> stamp = WaitingToken.stampOf(rawToken);
    if (token.isEmpty() || stamp.isEmpty()) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(stamp.get()));
    boolean placed = bytes.remaining() == 4 + PLACE_BYTES + TAG_BYTES;
    int seconds = bytes.getInt();
    long sequence = placed ? bytes.getLong() : 0;
    int joined = placed ? bytes.getInt() : 0;
    byte[] tag = new byte[TAG_BYTES];
    bytes.get(tag);
    String place = placed ? placeText(sequence, joined) : "";
    if (!MessageDigest.isEqual(tag, tag(token.get(), seconds, place)) || seconds < 0) {
      return Optional.empty();
    }
    if (!placed) {
      return Optional.of(new Sealed(seconds, Optional.empty()));
    }
    // Only this service seals, and only real sequences: a sealed one below 1 is a broken key.
    if (sequence < 1) {
      return Optional.empty();
    }
    Instant joinedAt = Instant.ofEpochSecond(Integer.toUnsignedLong(joined));
    return Optional.of(new Sealed(seconds, Optional.of(new SealedPlace(sequence, joinedAt))));
  }

  private static int clamp(long etaSec) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, etaSec));
  }

  // The short form's message stays as it was, so stamps issued before places keep verifying.
  private static String placeText(long sequence, int joined) {
    return "~" + sequence + "~" + Integer.toUnsignedString(joined);
  }

  private byte[] tag(WaitingToken token, int seconds, String place) {
    byte[] message = (token.encode() + "~" + seconds + place).getBytes(StandardCharsets.UTF_8);
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
