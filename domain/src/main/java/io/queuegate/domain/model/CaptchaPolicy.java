package io.queuegate.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An event's CAPTCHA at join: the provider (none: no CAPTCHA), the public site key its widget is
 * shown with, and what a join gets while the provider does not answer. The provider's secret is not
 * part of the policy: it is deployment configuration (docs/design.md#captcha).
 */
public record CaptchaPolicy(
    Optional<CaptchaProvider> provider, Optional<String> siteKey, CaptchaOutage onOutage) {
  public static final int MAX_SITE_KEY_LENGTH = 100;

  // Turnstile (0x4AAA...), hCaptcha (a UUID) and reCAPTCHA (6Le...) keys all fit; the page puts the
  // key into a widget call, so nothing else is let in.
  private static final Pattern SITE_KEY = Pattern.compile("[A-Za-z0-9_.-]+");

  /** No CAPTCHA; a provider named later lets joins through while it is down. */
  public static final CaptchaPolicy NONE =
      new CaptchaPolicy(Optional.empty(), Optional.empty(), CaptchaOutage.ADMIT);

  public CaptchaPolicy {
    Objects.requireNonNull(provider);
    Objects.requireNonNull(siteKey);
    Objects.requireNonNull(onOutage);
    siteKey.ifPresent(CaptchaPolicy::checkSiteKey);
    if (provider.isPresent() && siteKey.isEmpty()) {
      throw new InvalidPolicy(
          PolicyField.CAPTCHA_SITE_KEY, "is required with a captcha_provider: the page needs it");
    }
  }

  /** Builds a policy from operator input, where null or an empty string means "none". */
  public static CaptchaPolicy of(String provider, String siteKey, CaptchaOutage onOutage) {
    return new CaptchaPolicy(
        blank(provider) ? Optional.empty() : Optional.of(CaptchaProvider.parse(provider)),
        blank(siteKey) ? Optional.empty() : Optional.of(siteKey),
        onOutage);
  }

  /** Whether joins must carry a CAPTCHA token. */
  public boolean required() {
    return provider.isPresent();
  }

  private static boolean blank(String value) {
    return value == null || value.isEmpty();
  }

  private static void checkSiteKey(String key) {
    if (key.length() > MAX_SITE_KEY_LENGTH || !SITE_KEY.matcher(key).matches()) {
      throw new InvalidPolicy(
          PolicyField.CAPTCHA_SITE_KEY,
          "must be 1 to "
              + MAX_SITE_KEY_LENGTH
              + " letters, digits, '.', '_' or '-' (the provider's public site key)");
    }
  }
}
