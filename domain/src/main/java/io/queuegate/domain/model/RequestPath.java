package io.queuegate.domain.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path of a request as the gate matches it: the query and fragment cut off, percent-escapes
 * decoded, backslashes read as slashes, path parameters ({@code ;jsessionid=...}) and empty and dot
 * segments removed. Origins read paths in all these ways, so a gate that matched the raw text could
 * be walked around with {@code /%63heckout} or {@code /static/../checkout}.
 */
public record RequestPath(String value) {

  /** Normalises a request target: a path with an optional query, or an absolute URL. */
  public static RequestPath of(String rawTarget) {
    String target = rawTarget == null ? "" : rawTarget;
    target = withoutAuthority(target);
    int end = indexOfAny(target, '?', '#');
    String path = end < 0 ? target : target.substring(0, end);
    if (isPlain(path)) {
      return new RequestPath(path);
    }
    String decoded = decode(path).replace('\\', '/');
    return new RequestPath(removeDotSegments(decoded));
  }

  /**
   * Already normal: starts with '/', and holds no escape, backslash, parameter, empty segment or
   * dot segment. Most paths are, and every gate check reads one, so they skip the general work.
   */
  private static boolean isPlain(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' || c == '\\' || c == ';' || (previous == '/' && (c == '/' || c == '.'))) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** Whether the path starts with {@code prefix} at a segment boundary. */
  public boolean startsWith(String prefix, boolean ignoreCase) {
    int length = prefix.length();
    if (!value.regionMatches(ignoreCase, 0, prefix, 0, length)) {
      return false;
    }
    return value.length() == length || prefix.endsWith("/") || value.charAt(length) == '/';
  }

  private static String withoutAuthority(String target) {
    int scheme = target.indexOf("://");
    if (scheme > 0 && scheme < 8 && !target.startsWith("/")) {
      int slash = target.indexOf('/', scheme + 3);
      return slash < 0 ? "/" : target.substring(slash);
    }
    return target;
  }

  private static int indexOfAny(String text, char a, char b) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == a || c == b) {
        return i;
      }
    }
    return -1;
  }

  /** Decodes %XX escapes as UTF-8; a malformed escape stays as it is. */
  private static String decode(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int hi = Character.digit(path.charAt(i + 1), 16);
        int lo = Character.digit(path.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      bytes.write(raw, 0, raw.length);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Drops empty segments, path parameters and "." segments, and resolves ".." segments. */
  private static String removeDotSegments(String path) {
    String[] segments = path.split("/", -1);
    Deque<String> kept = new ArrayDeque<>();
    String last = "";
    for (String raw : segments) {
      int parameters = raw.indexOf(';');
      String segment = parameters < 0 ? raw : raw.substring(0, parameters);
      last = segment;
      if (segment.equals("..")) {
        kept.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        kept.addLast(segment);
      }
    }
    if (kept.isEmpty()) {
      return "/";
    }
    boolean trailingSlash = last.isEmpty() || last.equals(".") || last.equals("..");
    return "/" + String.join("/", kept) + (trailingSlash ? "/" : "");
  }
}
