package io.queuegate.adapter.http.filter;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.queuegate.adapter.http.envelope.TraceId;

/** Gives every request its trace id and echoes it as {@code X-Request-ID} on every response. */
public final class TraceIdFilter implements Filter {
  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    TraceId traceId = TraceId.from(req.headers());
    req.context().register(traceId);
    // Set before routing: error handlers and direct handlers keep headers already set.
    res.header(TraceId.REQUEST_ID, traceId.value());
    chain.proceed();
  }
}
