package io.queuegate.adapter.http.envelope;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id: an incoming {@code X-Request-ID}, else {@code X-Trace-Id} (the old web client),
 * else a fresh UUID. Only 1 to 128 visible ASCII characters are accepted, so a client can never
 * smuggle control characters into logs or headers.
 */
public record TraceId(String value) {
  public static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-ID");
  static final HeaderName TRACE_ID = HeaderNames.create("X-Trace-Id");
  private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

  /** The id of a request whose headers are {@code headers}. */
  public static TraceId from(Headers headers) {
    return accepted(headers, REQUEST_ID)
        .or(() -> accepted(headers, TRACE_ID))
        .map(TraceId::new)
        .orElseGet(() -> new TraceId(UUID.randomUUID().toString()));
  }

  /** The id that the trace filter stored for this request, or one derived from its headers. */
  static TraceId of(ServerRequest request) {
    return request.context().get(TraceId.class).orElseGet(() -> from(request.headers()));
  }

  static boolean acceptable(String candidate) {
    return candidate != null && VISIBLE.matcher(candidate).matches();
  }

  private static Optional<String> accepted(Headers headers, HeaderName name) {
    return headers.first(name).filter(TraceId::acceptable);
  }
}
