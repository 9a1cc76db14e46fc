package io.queuegate.domain.model;

/** The event's policy requires a CAPTCHA at join, and the join came without a response token. */
public final class CaptchaRequired extends QueueException {
  public CaptchaRequired() {
    super("this event requires a CAPTCHA at join: send the widget's response token");
  }
}
