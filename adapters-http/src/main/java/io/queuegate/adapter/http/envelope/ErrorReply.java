package io.queuegate.adapter.http.envelope;

import java.util.Map;

/** An error response before it is written: status, envelope code and message, extra headers. */
public record ErrorReply(int status, String code, String message, Map<String, String> headers) {
  public ErrorReply {
    headers = Map.copyOf(headers);
  }

  public ErrorReply(int status, String code, String message) {
    this(status, code, message, Map.of());
  }
}
