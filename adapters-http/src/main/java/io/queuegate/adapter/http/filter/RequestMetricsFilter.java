package io.queuegate.adapter.http.filter;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.queuegate.adapter.http.routing.Routes;
import java.util.Set;

/**
 * Records {@code http_server_requests}: a Micrometer timer with a percentile histogram, so the
 * Prometheus output has the request counter ({@code _count}) and the duration histogram ({@code
 * _bucket}) in one family, labelled by route template, method and status.
 */
public final class RequestMetricsFilter implements Filter {
  static final String METER = "http_server_requests";
  // Any token is a valid HTTP method; only the usual ones become labels.
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");

  private final MeterRegistry registry;
  private final Routes routes;

  public RequestMetricsFilter(MeterRegistry registry, Routes routes) {
    this.registry = registry;
    this.routes = routes;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String route = routes.templateOf(req.path().rawPath());
    String method = req.prologue().method().text();
    Timer.Sample sample = Timer.start(registry);
    try {
      chain.proceed();
    } finally {
      sample.stop(
          Timer.builder(METER)
              .description("HTTP requests served, by route template, method and status")
              .tag("route", route)
              .tag("method", METHODS.contains(method) ? method : "OTHER")
              .tag("status", Integer.toString(res.status().code()))
              .publishPercentileHistogram()
              .register(registry));
    }
  }
}
