package io.queuegate.adapter.http.routing;

import io.helidon.webserver.http.ServerRequest;

/** A route's logic for requests with a body that was already read within the size limit. */
@FunctionalInterface
public interface BodyHandler {
  Reply handle(ServerRequest request, byte[] body);
}
