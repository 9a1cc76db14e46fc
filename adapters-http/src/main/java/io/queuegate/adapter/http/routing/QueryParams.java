package io.queuegate.adapter.http.routing;

import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import java.util.List;
import java.util.Optional;

/** Query parameters read so that bad percent-encoding is a client error, not a 500. */
public final class QueryParams {
  private QueryParams() {}

  public static Optional<String> first(ServerRequest req, String name) {
    try {
      // all() rather than first(): first() wraps the value for Helidon's mappers on every call.
      List<String> values = req.query().all(name, List::of);
      return values.isEmpty() || values.get(0).isEmpty()
          ? Optional.empty()
          : Optional.of(values.get(0));
    } catch (IllegalArgumentException e) {
      throw HttpError.invalidRequest("the query string is malformed");
    }
  }
}
