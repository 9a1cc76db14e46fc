package io.queuegate.adapter.captcha;

import io.queuegate.domain.model.CaptchaProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the adapter asks providers: the deadline of one verification (connect, send and read), how
 * many may be in flight at once on this instance, and the providers that have a secret here.
 */
public record CaptchaSettings(
    Duration timeout, int maxConcurrent, Map<CaptchaProvider, SiteverifyEndpoint> endpoints) {
  public CaptchaSettings {
    Objects.requireNonNull(timeout);
    endpoints = Map.copyOf(endpoints);
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException(
          "queuegate.captcha.timeout must be above 0 and at most 30 s");
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("queuegate.captcha.max-concurrent must be at least 1");
    }
  }
}
