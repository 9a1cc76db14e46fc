package io.queuegate.adapter.http.gate;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.GateRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the visitor's original request from a proxy's sub-request. nginx (as configured in
 * deploy/nginx), Caddy and Traefik describe it in {@code X-Forwarded-Method}, {@code
 * X-Forwarded-Host} and {@code X-Forwarded-Uri}; ingress-nginx in {@code X-Original-URL} and {@code
 * X-Original-Method}; Envoy sends the original method and {@code Host}, and appends the original
 * path and query to the check's own path.
 */
final class ProxyRequest {
  static final HeaderName FORWARDED_METHOD = HeaderNames.create("X-Forwarded-Method");
  static final HeaderName FORWARDED_URI = HeaderNames.create("X-Forwarded-Uri");
  static final HeaderName ORIGINAL_URL = HeaderNames.create("X-Original-URL");
  static final HeaderName ORIGINAL_METHOD = HeaderNames.create("X-Original-Method");
  static final HeaderName ORIGINAL_URI = HeaderNames.create("X-Original-URI");
  static final HeaderName REAL_IP = HeaderNames.create("X-Real-IP");

  private ProxyRequest() {}

  static GateRequest read(ServerRequest req, ProxyStyle style) {
    Headers headers = req.headers();
    String method;
    String host;
    String target;
    if (style == ProxyStyle.ENVOY) {
      method = req.prologue().method().text();
      host = first(headers, HeaderNames.HOST).orElse("");
      String path = req.path().rawPath().substring(Routes.GATE_CHECK.length());
      String query = req.query().rawValue();
      target = (path.isEmpty() ? "/" : path) + (query.isEmpty() ? "" : "?" + query);
    } else {
      Optional<URI> original = first(headers, ORIGINAL_URL).flatMap(ProxyRequest::uri);
      method =
          first(headers, FORWARDED_METHOD)
              .or(() -> first(headers, ORIGINAL_METHOD))
              .orElse(req.prologue().method().text());
      host =
          firstOfList(headers, HeaderNames.X_FORWARDED_HOST)
              .or(() -> original.map(URI::getRawAuthority))
              .or(() -> first(headers, HeaderNames.HOST))
              .orElse("");
      target =
          first(headers, FORWARDED_URI)
              .or(() -> original.map(ProxyRequest::pathAndQuery))
              .or(() -> first(headers, ORIGINAL_URI))
              .orElse("/");
    }
    return new GateRequest(
        method,
        host,
        target,
        clientAddress(req),
        SessionCookies.parse(headers.all(HeaderNames.COOKIE, List::of)),
        first(headers, HeaderNames.USER_AGENT).orElse(""));
  }

  /** The host the visitor asked for, for the waiting page and the gate's enter step. */
  static String visitorHost(ServerRequest req) {
    return firstOfList(req.headers(), HeaderNames.X_FORWARDED_HOST)
        .or(() -> first(req.headers(), HeaderNames.HOST))
        .orElse("");
  }

  /** The address the proxy saw: the last hop it appended, else the peer. Informational only. */
  private static String clientAddress(ServerRequest req) {
    List<String> forwarded = req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of);
    if (!forwarded.isEmpty()) {
      String last = forwarded.getLast();
      return last.substring(last.lastIndexOf(',') + 1).trim();
    }
    return first(req.headers(), REAL_IP).orElse(req.remotePeer().host());
  }

  private static Optional<String> first(Headers headers, HeaderName name) {
    return headers.first(name).filter(value -> !value.isBlank()).map(String::trim);
  }

  /** The first entry of a comma-separated header, which the first proxy wrote. */
  private static Optional<String> firstOfList(Headers headers, HeaderName name) {
    return first(headers, name).map(value -> value.split(",")[0].trim());
  }

  private static Optional<URI> uri(String raw) {
    try {
      return Optional.of(new URI(raw));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }
}
