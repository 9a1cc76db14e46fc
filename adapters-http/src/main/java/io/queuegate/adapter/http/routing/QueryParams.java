package io.queuegate.adapter.http.routing;

import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import java.util.Optional;

/** Query parameters read so that bad percent-encoding is a client error, not a 500. */
public final class QueryParams {
  private QueryParams() {}

  public static Optional<String> first(ServerRequest req, String name) {
    try {
      return req.query().first(name).asOptional().filter(value -> !value.isEmpty());
    } catch (IllegalArgumentException e) {
      throw HttpError.invalidRequest("the query string is malformed");
    }
  }
}
