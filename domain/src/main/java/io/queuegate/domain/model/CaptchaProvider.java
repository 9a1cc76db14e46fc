package io.queuegate.domain.model;

import java.util.Locale;

/**
 * A CAPTCHA service that speaks the common {@code siteverify} protocol (docs/design.md#captcha):
 * the page shows its widget, the widget hands the page a response token, and the server asks the
 * provider whether that token is good.
 */
public enum CaptchaProvider {
  /** Cloudflare Turnstile. */
  TURNSTILE,
  /** hCaptcha. */
  HCAPTCHA,
  /** Google reCAPTCHA (v2 checkbox or invisible). */
  RECAPTCHA;

  /** The wire name: {@code turnstile}, {@code hcaptcha} or {@code recaptcha}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name; anything else is an {@link InvalidPolicy}. */
  public static CaptchaProvider parse(String raw) {
    for (CaptchaProvider provider : values()) {
      if (provider.wireName().equals(raw)) {
        return provider;
      }
    }
    throw new InvalidPolicy(
        PolicyField.CAPTCHA_PROVIDER, "must be turnstile, hcaptcha, recaptcha or empty (none)");
  }
}
