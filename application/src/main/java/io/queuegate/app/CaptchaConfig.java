package io.queuegate.app;

import io.queuegate.adapter.captcha.CaptchaSettings;
import io.queuegate.adapter.captcha.SiteverifyEndpoint;
import io.queuegate.adapter.http.page.CaptchaWidget;
import io.queuegate.adapter.http.page.CaptchaWidgets;
import io.queuegate.domain.model.CaptchaProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The CAPTCHA configuration as read: the siteverify deadline and bound, and per provider with a
 * secret, its siteverify endpoint and its widget. Providers without a secret are left out of both,
 * so no policy can name them (docs/design.md#captcha).
 */
public record CaptchaConfig(
    Duration timeout,
    int maxConcurrent,
    Map<CaptchaProvider, SiteverifyEndpoint> endpoints,
    Map<CaptchaProvider, CaptchaWidget> widgets) {

  public CaptchaConfig {
    Objects.requireNonNull(timeout);
    endpoints = Map.copyOf(endpoints);
    widgets = Map.copyOf(widgets);
  }

  /** The adapter's settings; checks the timeout and the bound. */
  CaptchaSettings settings() {
    return new CaptchaSettings(timeout, maxConcurrent, endpoints);
  }

  CaptchaWidgets pageWidgets() {
    return new CaptchaWidgets(widgets);
  }

  /** Keeps the secrets out of logs. */
  @Override
  public String toString() {
    return "CaptchaConfig[providers=" + endpoints.keySet() + ", timeout=" + timeout + "]";
  }
}
