package io.queuegate.adapter.http.page;

import io.queuegate.domain.model.CaptchaProvider;
import java.util.Map;
import java.util.Optional;

/** The widget of each CAPTCHA provider this deployment can verify; none without secrets. */
public record CaptchaWidgets(Map<CaptchaProvider, CaptchaWidget> widgets) {
  public static final CaptchaWidgets NONE = new CaptchaWidgets(Map.of());

  public CaptchaWidgets {
    widgets = Map.copyOf(widgets);
  }

  Optional<CaptchaWidget> of(CaptchaProvider provider) {
    return Optional.ofNullable(widgets.get(provider));
  }
}
