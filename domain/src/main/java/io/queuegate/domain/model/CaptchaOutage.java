package io.queuegate.domain.model;

import java.util.Locale;

/**
 * What a join on a CAPTCHA event gets when the provider cannot say whether its token is good
 * (timeout, error, unreachable): {@link #ADMIT} lets it through, {@link #REFUSE} answers 503 with
 * {@code Retry-After}.
 */
public enum CaptchaOutage {
  ADMIT,
  REFUSE;

  /** The wire name: {@code admit} or {@code refuse}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name; anything else is an {@link InvalidPolicy}. */
  public static CaptchaOutage parse(String raw) {
    for (CaptchaOutage outage : values()) {
      if (outage.wireName().equals(raw)) {
        return outage;
      }
    }
    throw new InvalidPolicy(PolicyField.CAPTCHA_ON_OUTAGE, "must be admit or refuse");
  }
}
