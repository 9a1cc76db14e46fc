package io.queuegate.adapter.captcha;

import java.net.URI;
import java.util.Objects;

/**
 * One provider's siteverify URL and this deployment's secret for it. The URL is configurable so a
 * deployment can use a provider's regional endpoint, and tests a local stand-in.
 */
public record SiteverifyEndpoint(URI url, String secret) {
  public SiteverifyEndpoint {
    Objects.requireNonNull(url);
    Objects.requireNonNull(secret);
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
      throw new IllegalArgumentException("a siteverify URL must be absolute http(s): " + url);
    }
    if (secret.isBlank()) {
      throw new IllegalArgumentException("a siteverify secret must not be blank");
    }
  }

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "SiteverifyEndpoint[url=" + url + ", secret=<set>]";
  }
}
