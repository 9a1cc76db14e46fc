package io.queuegate.adapter.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP adapter needs from configuration: the operator token (none means no operator API),
 * the proxy networks whose {@code X-Forwarded-For} is trusted (CIDRs), the body limit and the
 * build's version.
 */
public record HttpSettings(
    Optional<String> adminToken,
    List<String> trustedProxies,
    int maxBodyBytes,
    VersionInfo version) {

  /** The specification's request body limit. */
  public static final int DEFAULT_MAX_BODY_BYTES = 8192;

  public HttpSettings {
    Objects.requireNonNull(adminToken);
    Objects.requireNonNull(version);
    trustedProxies = List.copyOf(trustedProxies);
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }
}
