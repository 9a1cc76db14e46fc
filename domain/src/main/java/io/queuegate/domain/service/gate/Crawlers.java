package io.queuegate.domain.service.gate;

import java.util.List;
import java.util.Locale;

/**
 * Tells crawlers by their {@code User-Agent}. That header is trivial to fake, so it never lets a
 * request through: it only turns a trip to the waiting page, which a crawler cannot wait on, into a
 * 503 with {@code Retry-After}, which search engines read as "come back later".
 */
final class Crawlers {
  private final List<String> agents;

  Crawlers(List<String> agents) {
    this.agents = List.copyOf(agents);
  }

  boolean matches(String userAgent) {
    if (userAgent.isEmpty()) {
      return false;
    }
    String lower = userAgent.toLowerCase(Locale.ROOT);
    for (String agent : agents) {
      if (lower.contains(agent)) {
        return true;
      }
    }
    return false;
  }
}
