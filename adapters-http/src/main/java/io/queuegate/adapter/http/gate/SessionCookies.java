package io.queuegate.adapter.http.gate;

import io.queuegate.domain.model.SessionCookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes session cookies with their attributes, and reads the visitor's cookies. The cookie is
 * host-only (no {@code Domain}), so it belongs to exactly the protected host that set it; {@code
 * HttpOnly} keeps scripts away from it; {@code SameSite=Lax} keeps it off cross-site subrequests
 * but on a plain link into the site.
 */
final class SessionCookies {
  private SessionCookies() {}

  static String setCookie(SessionCookie cookie, boolean secure) {
    return cookie.name()
        + "="
        + cookie.value()
        + "; Path=/; Max-Age="
        + cookie.maxAge().toSeconds()
        + "; HttpOnly; SameSite=Lax"
        + (secure ? "; Secure" : "");
  }

  /**
   * The cookies of {@code Cookie} headers by name; on a repeated name the first wins, as browsers
   * send the most specific first. Malformed pairs are skipped.
   */
  static Map<String, String> parse(List<String> headers) {
    Map<String, String> cookies = new HashMap<>();
    for (String header : headers) {
      int start = 0;
      while (start < header.length()) {
        int end = header.indexOf(';', start);
        if (end < 0) {
          end = header.length();
        }
        int eq = header.indexOf('=', start);
        if (eq > start && eq < end) {
          String name = header.substring(start, eq).strip();
          String value = header.substring(eq + 1, end).strip();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          if (!name.isEmpty()) {
            cookies.putIfAbsent(name, value);
          }
        }
        start = end + 1;
      }
    }
    return cookies;
  }
}
