package io.queuegate.adapter.http.routing;

import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.domain.model.EventId;
import java.util.Optional;

/** Path parameters read so that bad percent-encoding is a client error, not a 500. */
public final class PathParams {
  private PathParams() {}

  public static Optional<String> first(ServerRequest req, String name) {
    try {
      return req.path().pathParameters().first(name).asOptional();
    } catch (IllegalArgumentException e) {
      throw HttpError.invalidRequest("the path is malformed");
    }
  }

  /** The {@code event_id} of the path, refused as a client error when it is not a valid id. */
  public static EventId eventId(ServerRequest req) {
    return EventId.parse(first(req, "event_id").orElse(null));
  }
}
