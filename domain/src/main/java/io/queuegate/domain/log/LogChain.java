package io.queuegate.domain.log;

import io.queuegate.domain.model.EventId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of an event's log (docs/design.md#log): {@code h0 = SHA-256("queuegate-log:" +
 * event id)}, and each record's hash {@code hN = SHA-256(h(N-1) as 32 bytes || UTF-8 of
 * "seq|body")}. Removing, inserting, changing or reordering a record changes every hash from there
 * on, so one hash a person kept pins everything before it.
 */
public final class LogChain {
  private static final HexFormat HEX = HexFormat.of();

  private LogChain() {}

  /** The hash before the first record, binding the chain to its event. */
  public static String genesis(EventId eventId) {
    return HEX.formatHex(
        sha256().digest(("queuegate-log:" + eventId.value()).getBytes(StandardCharsets.UTF_8)));
  }

  /** The hash of {@code record} after the hash {@code prev} (64 lowercase hex). */
  public static String next(String prev, LogRecord record) {
    MessageDigest digest = sha256();
    digest.update(HEX.parseHex(prev));
    digest.update(record.canonical().getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
