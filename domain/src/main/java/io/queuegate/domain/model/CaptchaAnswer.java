package io.queuegate.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a join brings for its CAPTCHA: the widget's response token, and the client address the
 * service saw (behind trusted proxies), which siteverify accepts as {@code remoteip}.
 */
public record CaptchaAnswer(String token, Optional<String> clientAddress) {
  /** Far above the providers' tokens (Turnstile documents at most 2,048 characters). */
  public static final int MAX_TOKEN_LENGTH = 8192;

  public CaptchaAnswer {
    Objects.requireNonNull(token);
    Objects.requireNonNull(clientAddress);
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidCaptcha("the token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
  }
}
