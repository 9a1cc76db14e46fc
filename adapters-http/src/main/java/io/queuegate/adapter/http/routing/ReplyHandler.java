package io.queuegate.adapter.http.routing;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.JsonHeaders;

/** A route's logic: from a request to a {@link Reply}; failures are thrown, never written. */
@FunctionalInterface
public interface ReplyHandler {
  Reply handle(ServerRequest request);

  /** The Helidon handler that runs this one and writes its reply. */
  default Handler toHelidon() {
    return (req, res) -> {
      Reply reply = handle(req);
      res.status(Status.create(reply.status()));
      if (reply.contentType().equals(Reply.JSON)) {
        // First, so that a route's own cache policy (the key set's) replaces the default.
        JsonHeaders.set(res);
      }
      reply.headers().forEach(res::header);
      res.header(HeaderNames.CONTENT_TYPE, reply.contentType());
      res.send(reply.body());
    };
  }
}
