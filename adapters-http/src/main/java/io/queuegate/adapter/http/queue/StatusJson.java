package io.queuegate.adapter.http.queue;

import io.queuegate.adapter.http.envelope.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a {@link StatusResponse} as the same bytes as the adapter's JSON mapper, without its
 * generic path: status is the busiest route, and its body is a fixed sequence of numbers, two
 * booleans and a few known words. Text that would need escaping goes to the mapper instead.
 */
final class StatusJson {
  private static final byte[] STATUS = ascii("{\"status\":\"");
  private static final byte[] POSITION = ascii("\",\"position\":");
  private static final byte[] ETA_SEC = ascii(",\"eta_sec\":");
  private static final byte[] WAITING_TIME = ascii(",\"waiting_time\":");
  private static final byte[] READY_TRUE = ascii(",\"ready_for_entry\":true,\"poll_after_ms\":");
  private static final byte[] READY_FALSE = ascii(",\"ready_for_entry\":false,\"poll_after_ms\":");
  private static final byte[] ETA_LOW_SEC = ascii(",\"eta_low_sec\":");
  private static final byte[] ETA_HIGH_SEC = ascii(",\"eta_high_sec\":");
  private static final byte[] PHASE = ascii(",\"phase\":\"");
  private static final byte[] OPENS_AT = ascii("\",\"opens_at\":\"");
  private static final byte[] END = ascii("\"}");
  // The names (151 bytes) and seven numbers of at most 20 characters; the strings are measured.
  private static final int FIXED_SIZE = 320;

  private StatusJson() {}

  /** The JSON of {@code response}, byte for byte as {@link Json#write} writes it. */
  static byte[] write(StatusResponse response) {
    if (!plain(response.status()) || !plain(response.phase()) || !plain(response.opensAt())) {
      return Json.write(response);
    }
    String opensAt = response.opensAt();
    byte[] out =
        new byte
            [FIXED_SIZE
                + response.status().length()
                + response.phase().length()
                + (opensAt == null ? 0 : opensAt.length())];
    int at = put(out, 0, STATUS);
    at = putAscii(out, at, response.status());
    at = put(out, at, POSITION);
    at = putLong(out, at, response.position());
    at = put(out, at, ETA_SEC);
    at = putLong(out, at, response.etaSec());
    at = put(out, at, WAITING_TIME);
    at = putLong(out, at, response.waitingTime());
    at = put(out, at, response.readyForEntry() ? READY_TRUE : READY_FALSE);
    at = putLong(out, at, response.pollAfterMs());
    at = put(out, at, ETA_LOW_SEC);
    at = putLong(out, at, response.etaLowSec());
    at = put(out, at, ETA_HIGH_SEC);
    at = putLong(out, at, response.etaHighSec());
    at = put(out, at, PHASE);
    at = putAscii(out, at, response.phase());
    if (opensAt != null) {
      at = put(out, at, OPENS_AT);
      at = putAscii(out, at, opensAt);
    }
    at = put(out, at, END);
    return Arrays.copyOf(out, at);
  }

  /** Printable ASCII that JSON takes as it is: no quote, no backslash (or absent). */
  private static boolean plain(String value) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static int put(byte[] out, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  private static int putAscii(byte[] out, int at, String value) {
    for (int i = 0; i < value.length(); i++) {
      out[at++] = (byte) value.charAt(i);
    }
    return at;
  }

  private static int putLong(byte[] out, int at, long value) {
    return putAscii(out, at, Long.toString(value));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
