package io.queuegate.domain.model;

import java.util.Locale;

/** What a CAPTCHA provider said of a response token. */
public enum CaptchaVerdict {
  /** The provider vouched for the token. */
  PASSED,
  /** The provider answered that the token is not good (wrong, expired, used, another site). */
  FAILED,
  /** No usable answer: timeout, error status, unreadable answer, unreachable or too busy. */
  UNAVAILABLE;

  /** The metrics label: {@code passed}, {@code failed} or {@code unavailable}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
