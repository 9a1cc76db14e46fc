package io.queuegate.adapter.http.filter;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.queuegate.adapter.http.routing.Routes;
import java.util.Optional;

/**
 * Lets pages of the configured origins call the queue endpoints from a browser, by the CORS
 * protocol of the Fetch standard (docs/design.md#http-api). A preflight from an allowed origin is
 * answered 204 here; an actual request from one gets {@code Access-Control-Allow-Origin} and the
 * headers a page may read, on errors too. Any other origin gets no CORS header at all, so the
 * browser keeps its page out. The other routes (verification, keys, operations, the operator API)
 * are for servers and operators and never take part.
 */
public final class CorsFilter implements Filter {
  static final String ALLOW_METHODS = "GET, POST, DELETE";
  static final String ALLOW_HEADERS =
      "Content-Type, Idempotency-Key, Authorization, X-Request-ID, X-Trace-Id, X-Proof-Of-Work,"
          + " X-Captcha-Token";
  static final String EXPOSE_HEADERS =
      "X-Request-ID, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, "
          + "X-Idempotency-Cached";
  // Ten minutes: Chromium caps a preflight cache at two hours, and an origin removed from the
  // configuration should stop working soon after.
  static final String MAX_AGE = "600";

  private final CorsPolicy policy;

  public CorsFilter(CorsPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!policy.enabled() || !req.path().rawPath().startsWith(Routes.QUEUE + "/")) {
      chain.proceed();
      return;
    }
    // The answer depends on Origin whether or not this one is allowed: no cache may mix them up.
    res.header(HeaderNames.VARY, "Origin");
    Optional<String> origin = req.headers().first(HeaderNames.ORIGIN).filter(policy::allows);
    if (origin.isEmpty()) {
      chain.proceed();
      return;
    }
    res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
    if (req.prologue().method().equals(Method.OPTIONS)
        && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
      res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
      res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
      res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
      res.status(Status.NO_CONTENT_204).send();
      return;
    }
    res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    chain.proceed();
  }
}
