package io.queuegate.adapter.http.envelope;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.Map;

/**
 * Renders the errors Helidon answers before routing (a Content-Length over the body limit, a
 * malformed request line or header) in the same envelope as every other error.
 */
public final class EnvelopeDirectHandler implements DirectHandler {

  public static DirectHandlers handlers() {
    DirectHandlers.Builder builder = DirectHandlers.builder();
    EnvelopeDirectHandler handler = new EnvelopeDirectHandler();
    for (EventType type : EventType.values()) {
      builder.addHandler(type, handler);
    }
    return builder.build();
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status defaultStatus,
      ServerResponseHeaders responseHeaders,
      String message) {
    TraceId traceId = TraceId.from(request.headers());
    ErrorReply reply = StatusErrors.forStatus(defaultStatus.code());
    // Keep the status Helidon chose (e.g. 505) unless the envelope had to fall back to 500.
    Status status = reply.status() == 500 ? Status.INTERNAL_SERVER_ERROR_500 : defaultStatus;
    ErrorReply shown = new ErrorReply(status.code(), reply.code(), reply.message(), Map.of());
    responseHeaders.set(HeaderValues.CONTENT_TYPE_JSON);
    responseHeaders.set(TraceId.REQUEST_ID, traceId.value());
    return TransportResponse.builder()
        .status(status)
        .headers(responseHeaders)
        .entity(Json.write(ErrorEnvelope.of(shown, traceId.value())))
        .build();
  }
}
