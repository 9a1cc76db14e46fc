package io.queuegate.domain.model;

import java.util.Map;
import java.util.Objects;

/**
 * One request a proxy asks the gate about, as the visitor sent it: method, host, request target
 * (path and query), client address, cookies by name and {@code User-Agent} (empty when absent).
 */
public record GateRequest(
    String method,
    String host,
    String target,
    String clientAddress,
    Map<String, String> cookies,
    String userAgent) {
  public GateRequest {
    Objects.requireNonNull(method);
    Objects.requireNonNull(host);
    Objects.requireNonNull(target);
    Objects.requireNonNull(clientAddress);
    cookies = Map.copyOf(cookies);
    Objects.requireNonNull(userAgent);
  }
}
