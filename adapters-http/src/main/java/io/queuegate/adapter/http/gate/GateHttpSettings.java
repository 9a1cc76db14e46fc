package io.queuegate.adapter.http.gate;

import java.util.Objects;

/**
 * The gate's HTTP settings: {@code publicPath} is where the protected site's proxy forwards to
 * queuegate (stripping it), such as {@code /queuegate/}, so the waiting page and its calls are
 * first-party on the protected host; {@code secureCookies} marks session cookies {@code Secure}
 * (turn it off only for plain-HTTP development).
 */
public record GateHttpSettings(String publicPath, boolean secureCookies) {
  public GateHttpSettings {
    Objects.requireNonNull(publicPath);
    if (!publicPath.startsWith("/") || !publicPath.endsWith("/") || publicPath.contains("//")) {
      throw new IllegalArgumentException(
          "the gate's public path must start and end with '/', such as /queuegate/");
    }
  }
}
