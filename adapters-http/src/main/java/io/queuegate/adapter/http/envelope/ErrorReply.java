package io.queuegate.adapter.http.envelope;

import java.util.Map;

/**
 * An error response before it is written: status, envelope code and message, extra headers, and
 * {@code details} the envelope carries for codes that have some (empty for most).
 */
public record ErrorReply(
    int status,
    String code,
    String message,
    Map<String, String> headers,
    Map<String, String> details) {
  public ErrorReply {
    headers = Map.copyOf(headers);
    details = Map.copyOf(details);
  }

  public ErrorReply(int status, String code, String message, Map<String, String> headers) {
    this(status, code, message, headers, Map.of());
  }

  public ErrorReply(int status, String code, String message) {
    this(status, code, message, Map.of());
  }
}
