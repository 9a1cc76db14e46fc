package io.queuegate.adapter.http.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The error envelope of the HTTP contract: {@code {"error": {"code", "message", "trace_id"}}}, and
 * {@code details} for the codes that carry some (the opening time of {@code SALE_NOT_STARTED}).
 */
record ErrorEnvelope(Body error) {

  /** The inner object of the envelope. */
  record Body(
      String code,
      String message,
      String traceId,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {}

  static ErrorEnvelope of(ErrorReply reply, String traceId) {
    return new ErrorEnvelope(new Body(reply.code(), reply.message(), traceId, reply.details()));
  }
}
