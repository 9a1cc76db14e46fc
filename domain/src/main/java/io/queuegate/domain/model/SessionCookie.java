package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A session cookie to set: its name, value and lifetime. A zero lifetime removes the cookie. The
 * HTTP adapter adds the attributes ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure}).
 */
public record SessionCookie(String name, String value, Duration maxAge) {
  public SessionCookie {
    Objects.requireNonNull(name);
    Objects.requireNonNull(value);
    Objects.requireNonNull(maxAge);
  }

  /** A cookie that removes the session cookie {@code name}. */
  public static SessionCookie removal(String name) {
    return new SessionCookie(name, "", Duration.ZERO);
  }
}
