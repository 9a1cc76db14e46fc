package io.queuegate.domain.model;

/** The CAPTCHA provider said the join's response token is not good, or the token is malformed. */
public final class InvalidCaptcha extends QueueException {
  public InvalidCaptcha(String reason) {
    super("invalid CAPTCHA: " + reason);
  }
}
