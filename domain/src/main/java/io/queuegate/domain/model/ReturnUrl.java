package io.queuegate.domain.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a visitor goes back to once admitted: a path on the host the waiting page was served under,
 * or an absolute http(s) URL that must name that same host. {@code target} is what the visitor is
 * redirected to; {@code host} and {@code path} find the room.
 */
public record ReturnUrl(String host, RequestPath path, String target) {
  private static final int MAX_LENGTH = 2048;

  /**
   * Checks {@code raw} as a return URL for a page served under {@code requestHost}.
   *
   * @throws InvalidReturnUrl when it is malformed or leaves {@code requestHost}
   */
  public static ReturnUrl parse(String raw, String requestHost) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidReturnUrl("it is missing");
    }
    if (raw.length() > MAX_LENGTH) {
      throw new InvalidReturnUrl("it is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '\\') {
        throw new InvalidReturnUrl("it must be a plain, percent-encoded URL");
      }
    }
    String pageHost = HostPattern.normalize(requestHost);
    if (raw.startsWith("/")) {
      if (raw.startsWith("//")) {
        throw new InvalidReturnUrl("it must stay on the room's host");
      }
      return new ReturnUrl(pageHost, RequestPath.of(raw), raw);
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new InvalidReturnUrl("it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getRawUserInfo() != null
        || uri.getHost() == null) {
      throw new InvalidReturnUrl("it must be a path or an http(s) URL without user info");
    }
    String host = HostPattern.normalize(uri.getHost());
    if (!pageHost.isEmpty() && !host.equals(pageHost)) {
      throw new InvalidReturnUrl("it must stay on the room's host");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new ReturnUrl(host, RequestPath.of(path), raw);
  }
}
