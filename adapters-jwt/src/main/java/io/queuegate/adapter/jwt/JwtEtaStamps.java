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
 * seconds, for a first-come join the waiter's sequence and join time in milliseconds
 * (docs/design.md#line-mirror), and the first 8 bytes of the MAC over the event, the waiter and
 * those fields. A client can drop its stamp, but cannot change it, shorten it, or move it to
 * another waiter.
 */
public final class JwtEtaStamps implements EtaStamps {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int TAG_BYTES = 8;
  // Six bytes each: sequences below 2^48, and milliseconds since 1970 until the year 10889.
  private static final int FIELD_BYTES = 6;
  private static final int PLACE_BYTES = 2 * FIELD_BYTES;
  private static final long FIELD_LIMIT = 1L << (8 * FIELD_BYTES);
  private static final byte[] PURPOSE = "queuegate eta stamp v1".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;
  // Keyed once: every status call of a sealed token checks a tag, and looking the algorithm up and
  // keying it anew each time cost more than the MAC itself. Copies are taken per call, since a
  // Mac is not safe for concurrent use.
  private final Mac keyed;

  private JwtEtaStamps(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.keyed = keyedMac(this.key);
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
    long joined = place.joinedAt().toEpochMilli();
    if (place.sequence() >= FIELD_LIMIT || joined < 0 || joined >= FIELD_LIMIT) {
      return stamp(token, etaSec); // beyond what six bytes hold: the store places this waiter
    }
    ByteBuffer bytes = ByteBuffer.allocate(4 + PLACE_BYTES + TAG_BYTES).putInt(seconds);
    putField(bytes, place.sequence());
    putField(bytes, joined);
    bytes.put(tag(token, seconds, placeText(place.sequence(), joined)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  @Override
  public OptionalLong etaAtJoin(String rawToken) {
    Optional<Sealed> sealed = open(rawToken);
    return sealed.isPresent() ? OptionalLong.of(sealed.get().etaSec()) : OptionalLong.empty();
  }

  @Override
  public Optional<SealedPlace> placeOf(String rawToken) {
    // Most tokens seal no place (the short form, or none): no tag to check for them.
    Optional<String> stamp = WaitingToken.stampOf(rawToken);
    if (stamp.isEmpty() || stamp.get().length() != WaitingToken.PLACED_STAMP_LENGTH) {
      return Optional.empty();
    }
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
    long sequence = placed ? getField(bytes) : 0;
    long joined = placed ? getField(bytes) : 0;
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
    Instant joinedAt = Instant.ofEpochMilli(joined);
    return Optional.of(new Sealed(seconds, Optional.of(new SealedPlace(sequence, joinedAt))));
  }

  private static int clamp(long etaSec) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, etaSec));
  }

  // The short form's message stays as it was, so stamps issued before places keep verifying.
  private static String placeText(long sequence, long joinedMs) {
    return "~" + sequence + "~" + joinedMs;
  }

  private static void putField(ByteBuffer bytes, long value) {
    for (int shift = 8 * (FIELD_BYTES - 1); shift >= 0; shift -= 8) {
      bytes.put((byte) (value >>> shift));
    }
  }

  private static long getField(ByteBuffer bytes) {
    long value = 0;
    for (int i = 0; i < FIELD_BYTES; i++) {
      value = (value << 8) | (bytes.get() & 0xFF);
    }
    return value;
  }

  private byte[] tag(WaitingToken token, int seconds, String place) {
    byte[] message = (token.encode() + "~" + seconds + place).getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(keyedCopy().doFinal(message), TAG_BYTES);
  }

  private Mac keyedCopy() {
    try {
      return (Mac) keyed.clone();
    } catch (CloneNotSupportedException e) {
      return keyedMac(key); // a provider whose MAC cannot be copied: key a fresh one
    }
  }

  private static Mac keyedMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // Every JDK ships HmacSHA256.
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(SecretKeySpec key, byte[] message) {
    return keyedMac(key).doFinal(message);
  }
}
