package io.queuegate.adapter.http.routing;

import io.queuegate.adapter.http.envelope.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A successful response as a value: handlers return one instead of writing to the response, so that
 * decorators such as idempotency can store and replay it.
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json";

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply json(int status, Object value) {
    return new Reply(status, JSON, Json.write(value), Map.of());
  }

  public static Reply text(int status, String contentType, String body) {
    return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }
}
