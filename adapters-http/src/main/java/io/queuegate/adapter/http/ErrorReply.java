package io.queuegate.adapter.http;

import java.util.Map;

/** An error response before it is written: status, envelope code and message, extra headers. */
record ErrorReply(int status, String code, String message, Map<String, String> headers) {
  ErrorReply {
    headers = Map.copyOf(headers);
  }

  ErrorReply(int status, String code, String message) {
    this(status, code, message, Map.of());
  }
}
