package io.queuegate.adapter.http.envelope;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.ServerResponse;

/**
 * The headers of every JSON answer, errors included (docs/design.md#http-api): {@code
 * Cache-Control: no-store}, because each answer is one person's place and no cache may keep or
 * share it, and {@code X-Content-Type-Options: nosniff}, so no browser reads JSON as anything else.
 * A route with a cache policy of its own (the public key set) sets it after these.
 */
public final class JsonHeaders {
  // Cached: Helidon keeps their HTTP/1 bytes, so an answer copies them instead of encoding them.
  private static final Header NO_STORE =
      HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");
  private static final Header NOSNIFF =
      HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");

  private JsonHeaders() {}

  public static void set(ServerResponse res) {
    res.header(NO_STORE);
    res.header(NOSNIFF);
  }

  static void set(ServerResponseHeaders headers) {
    headers.set(NO_STORE);
    headers.set(NOSNIFF);
  }
}
