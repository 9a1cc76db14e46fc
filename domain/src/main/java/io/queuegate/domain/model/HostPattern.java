package io.queuegate.domain.model;

import java.util.Locale;

/**
 * The host a room protects: a name such as {@code shop.example.com}, or {@code *.example.com} for
 * every subdomain of {@code example.com} (not the domain itself). Compared without case and without
 * port; an exact name is more specific than any wildcard, a longer wildcard more than a shorter
 * one.
 */
public record HostPattern(String value) {
  private static final int MAX_LENGTH = 253;
  private static final String WILDCARD = "*.";

  public HostPattern {
    if (value == null || !isWellFormed(value)) {
      throw new InvalidRoom(
          RoomField.HOST,
          "must be a lower-case host name (letters, digits, '-' and '.'), optionally starting"
              + " with '*.'");
    }
  }

  /** Reads operator input, in any letter case. */
  public static HostPattern parse(String raw) {
    return new HostPattern(raw == null ? null : raw.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The host of a request as the gate compares it: lower case, without port and trailing dot. An
   * IPv6 literal keeps its brackets.
   */
  public static String normalize(String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && colon > host.lastIndexOf(']')) {
      host = host.substring(0, colon);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** Whether {@code host}, already {@link #normalize normalised}, is covered. */
  public boolean matches(String host) {
    if (value.startsWith(WILDCARD)) {
      String suffix = value.substring(1); // ".example.com"
      return host.length() > suffix.length() && host.endsWith(suffix);
    }
    return value.equals(host);
  }

  /** Larger is more specific: any exact name beats any wildcard. */
  public int specificity() {
    return value.startsWith(WILDCARD) ? value.length() : 1_000 + value.length();
  }

  private static boolean isWellFormed(String value) {
    String name = value.startsWith(WILDCARD) ? value.substring(2) : value;
    if (name.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
