package io.queuegate.domain.model;

import java.util.Locale;

/**
 * A path rule of a room: a prefix such as {@code /checkout} (matching {@code /checkout} and what
 * lies below it, never {@code /checkouts}), or, for bypass rules only, a file extension such as
 * {@code *.css}. Prefixes are stored in their normalised form, so that they compare with {@link
 * RequestPath} values.
 */
public record PathPattern(String value) {
  private static final int MAX_LENGTH = 256;
  private static final int MAX_EXTENSION = 16;

  public PathPattern {
    if (value == null || !(isExtension(value) || isPrefix(value))) {
      throw new IllegalArgumentException("not a path pattern: " + value);
    }
  }

  /**
   * A prefix from operator input.
   *
   * @throws InvalidRoom naming {@code field} when it is not a normalised absolute path
   */
  public static PathPattern prefix(String raw, RoomField field) {
    if (raw == null || !isPrefix(raw)) {
      throw new InvalidRoom(
          field,
          "must be normalised absolute paths (starting with '/', no '//', '.', '..', '?', '#',"
              + " '%', ';', '\\\\' or spaces, at most "
              + MAX_LENGTH
              + " characters)");
    }
    return new PathPattern(raw);
  }

  /** A bypass rule from operator input: a prefix, or {@code *.<extension>}. */
  public static PathPattern bypass(String raw) {
    if (raw != null && isExtension(raw)) {
      return new PathPattern(raw.toLowerCase(Locale.ROOT));
    }
    return prefix(raw, RoomField.BYPASS);
  }

  /** Whether the rule covers {@code path}; prefixes compare without case when asked. */
  public boolean matches(RequestPath path, boolean ignoreCase) {
    if (isExtension(value)) {
      String extension = value.substring(1); // ".css"
      String p = path.value();
      return p.regionMatches(
              true, p.length() - extension.length(), extension, 0, extension.length())
          && p.length() > extension.length();
    }
    return path.startsWith(value, ignoreCase);
  }

  /** How much of a path the rule covers: longer prefixes are more specific. */
  public int length() {
    return value.length();
  }

  private static boolean isExtension(String value) {
    if (!value.startsWith("*.") || value.length() < 3 || value.length() > 2 + MAX_EXTENSION) {
      return false;
    }
    for (int i = 2; i < value.length(); i++) {
      if (!Alphabet.isAlphanumeric(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrefix(String value) {
    if (!value.startsWith("/") || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f || "?#%;\\".indexOf(c) >= 0) {
        return false;
      }
    }
    return RequestPath.of(value).value().equals(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
