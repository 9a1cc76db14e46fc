package io.queuegate.adapter.http.routing;

import io.helidon.webserver.http.HttpRules;
import io.queuegate.adapter.http.envelope.HttpError;

/**
 * Answers 405 METHOD_NOT_ALLOWED, with an {@code Allow} header, for a known path requested with a
 * method it does not serve. Registered after the path's real routes, so it only sees the rest.
 */
public final class AllowedMethods {
  private AllowedMethods() {}

  public static void only(HttpRules rules, String path, String... methods) {
    String allow = String.join(", ", methods);
    rules.any(
        path,
        (req, res) -> {
          throw HttpError.methodNotAllowed(allow);
        });
  }
}
