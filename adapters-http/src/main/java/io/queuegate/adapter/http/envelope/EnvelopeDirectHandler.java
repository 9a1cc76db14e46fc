package io.queuegate.adapter.http.envelope;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Renders the errors Helidon answers before routing (a Content-Length over the body limit, a
 * malformed request line, header or framing, an HTTP version other than 1.1) in the same envelope
 * as every other error, with a status that blames the request when the request is at fault.
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
    ErrorReply reply = DirectErrors.reply(request, eventType, defaultStatus.code());
    responseHeaders.set(HeaderValues.CONTENT_TYPE_JSON);
    responseHeaders.set(TraceId.REQUEST_ID, traceId.value());
    JsonHeaders.set(responseHeaders);
    return TransportResponse.builder()
        .status(Status.create(reply.status()))
        .headers(responseHeaders)
        .entity(Json.write(ErrorEnvelope.of(reply, traceId.value())))
        .build();
  }
}
