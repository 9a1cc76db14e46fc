package io.queuegate.adapter.http.filter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The origins whose pages may call the queue API from a browser (docs/design.md#http-api): none
 * unless configured. Each is kept in the form a browser sends in {@code Origin} (lower-case scheme
 * and host, no default port, no path), so a request's origin is allowed only by an exact match.
 */
public record CorsPolicy(Set<String> allowedOrigins) {
  /** No cross-origin access at all: the default. */
  public static final CorsPolicy NONE = new CorsPolicy(Set.of());

  public CorsPolicy {
    allowedOrigins = Set.copyOf(allowedOrigins);
  }

  /**
   * The policy allowing {@code origins}; each must be {@code http(s)://host[:port]} (a trailing
   * slash is dropped).
   */
  public static CorsPolicy allowing(List<String> origins) {
    Set<String> canonical = new LinkedHashSet<>();
    for (String origin : origins) {
      canonical.add(canonical(origin));
    }
    return new CorsPolicy(canonical);
  }

  boolean enabled() {
    return !allowedOrigins.isEmpty();
  }

  boolean allows(String origin) {
    return allowedOrigins.contains(origin);
  }

  private static String canonical(String origin) {
    URI uri;
    try {
      uri = new URI(origin.strip());
    } catch (URISyntaxException e) {
      throw invalid(origin);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare =
        uri.getRawUserInfo() == null
            && (uri.getRawPath() == null
                || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/"))
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    // "null" (sandboxed frames, file: pages) and "*" are refused: either would let any page in.
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
      throw invalid(origin);
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || port == (scheme.equals("https") ? 443 : 80);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  private static IllegalArgumentException invalid(String origin) {
    return new IllegalArgumentException(
        "an allowed CORS origin must be scheme://host[:port] with http or https and no path, not: "
            + origin);
  }
}
