package io.queuegate.adapter.http.filter;

import java.time.Duration;

/** Where the adapter reports each request it has answered; a metrics system records it. */
@FunctionalInterface
public interface RequestMetrics {
  /**
   * One answered request.
   *
   * @param route the route template, or {@code unmatched}: never the raw path, whose values are
   *     unbounded
   * @param method the HTTP method, or {@code OTHER} for an unusual one
   */
  void served(String route, String method, int status, Duration took);
}
