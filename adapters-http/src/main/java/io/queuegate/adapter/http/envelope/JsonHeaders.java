package io.queuegate.adapter.http.envelope;

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
  private static final String NO_STORE = "no-store";
  private static final String NOSNIFF = "nosniff";

  private JsonHeaders() {}

  public static void set(ServerResponse res) {
    res.header(HeaderNames.CACHE_CONTROL, NO_STORE);
    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, NOSNIFF);
  }

  static void set(ServerResponseHeaders headers) {
    headers.set(HeaderValues.create(HeaderNames.CACHE_CONTROL, NO_STORE));
    headers.set(HeaderValues.create(HeaderNames.X_CONTENT_TYPE_OPTIONS, NOSNIFF));
  }
}
