package io.queuegate.adapter.http.envelope;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Writes an {@link ErrorReply} as the error envelope, with the request's trace id. */
public final class ErrorResponses {
  private ErrorResponses() {}

  public static void send(ServerRequest req, ServerResponse res, ErrorReply reply) {
    TraceId traceId = TraceId.of(req);
    res.status(Status.create(reply.status()));
    res.header(TraceId.REQUEST_ID, traceId.value());
    reply.headers().forEach(res::header);
    res.header(HeaderValues.CONTENT_TYPE_JSON);
    JsonHeaders.set(res);
    res.send(Json.write(ErrorEnvelope.of(reply, traceId.value())));
  }
}
