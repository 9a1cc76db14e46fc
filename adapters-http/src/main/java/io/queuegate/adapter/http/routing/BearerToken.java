package io.queuegate.adapter.http.routing;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>}; the scheme is case-insensitive (RFC 7235). */
public final class BearerToken {
  private static final String SCHEME = "bearer ";

  private BearerToken() {}

  /** The raw Authorization header, when the request has one. */
  public static Optional<String> header(ServerRequest req) {
    return req.headers().first(HeaderNames.AUTHORIZATION);
  }

  /** The credentials of a Bearer header, or empty for any other form. */
  public static Optional<String> credentials(String headerValue) {
    String value = headerValue.strip();
    if (value.length() <= SCHEME.length()
        || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    String token = value.substring(SCHEME.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
