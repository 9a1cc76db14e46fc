package io.queuegate.adapter.http.filter;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.queuegate.adapter.http.routing.Routes;
import java.time.Duration;
import java.util.Set;

/**
 * Times every request and reports it by route template, method and status, so that the metrics have
 * few label values however many event ids or junk paths arrive.
 */
public final class RequestMetricsFilter implements Filter {
  // Any token is a valid HTTP method; only the usual ones become labels.
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");

  private final RequestMetrics metrics;
  private final Routes routes;

  public RequestMetricsFilter(RequestMetrics metrics, Routes routes) {
    this.metrics = metrics;
    this.routes = routes;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String route = routes.templateOf(req.path().rawPath());
    String method = req.prologue().method().text();
    long start = System.nanoTime();
    try {
      chain.proceed();
    } finally {
      metrics.served(
          route,
          METHODS.contains(method) ? method : "OTHER",
          res.status().code(),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
