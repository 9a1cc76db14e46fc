package io.queuegate.adapter.http.envelope;

/** The error envelope of the HTTP contract: {@code {"error": {"code", "message", "trace_id"}}}. */
record ErrorEnvelope(Body error) {

  /** The inner object of the envelope. */
  record Body(String code, String message, String traceId) {}

  static ErrorEnvelope of(ErrorReply reply, String traceId) {
    return new ErrorEnvelope(new Body(reply.code(), reply.message(), traceId));
  }
}
