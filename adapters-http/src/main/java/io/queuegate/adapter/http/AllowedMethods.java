package io.queuegate.adapter.http;

import io.helidon.webserver.http.HttpRules;

/**
 * Answers 405 METHOD_NOT_ALLOWED, with an {@code Allow} header, for a known path requested with a
 * method it does not serve. Registered after the path's real routes, so it only sees the rest.
 */
final class AllowedMethods {
  private AllowedMethods() {}

  static void only(HttpRules rules, String path, String... methods) {
    String allow = String.join(", ", methods);
    rules.any(
        path,
        (req, res) -> {
          throw HttpError.methodNotAllowed(allow);
        });
  }
}
