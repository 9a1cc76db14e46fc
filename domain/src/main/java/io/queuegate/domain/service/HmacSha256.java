package io.queuegate.domain.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over {@link MessageDigest}: the domain depends on {@code java..} only, and
 * {@code javax.crypto.Mac} is outside it. Checked against RFC 4231's vectors and the JDK's Mac.
 */
final class HmacSha256 {
  private static final int BLOCK = 64;
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];

  HmacSha256(byte[] key) {
    byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
    byte[] block = Arrays.copyOf(k, BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      innerPad[i] = (byte) (block[i] ^ 0x36);
      outerPad[i] = (byte) (block[i] ^ 0x5c);
    }
    Arrays.fill(block, (byte) 0);
  }

  byte[] mac(byte[] message) {
    MessageDigest inner = sha256();
    inner.update(innerPad);
    byte[] innerHash = inner.digest(message);
    MessageDigest outer = sha256();
    outer.update(outerPad);
    return outer.digest(innerHash);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
