package io.queuegate.domain.model;

import java.time.Duration;

/**
 * The CAPTCHA provider could not be asked, and the event's policy refuses joins while it cannot
 * ({@link CaptchaOutage#REFUSE}).
 */
public final class CaptchaUnavailable extends QueueException {
  /** Long enough for a provider's hiccup to pass, short enough that a person keeps waiting. */
  public static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);

  private final Duration retryAfter;

  public CaptchaUnavailable() {
    super("the CAPTCHA provider does not answer; try again shortly");
    this.retryAfter = DEFAULT_RETRY;
  }

  /** How long a client should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
