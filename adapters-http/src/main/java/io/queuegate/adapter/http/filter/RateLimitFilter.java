package io.queuegate.adapter.http.filter;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.queuegate.adapter.http.envelope.ErrorResponses;
import io.queuegate.adapter.http.envelope.QueueErrorMapper;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.RateLimited;
import io.queuegate.domain.port.in.RateLimitUseCase;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Takes one request from the client's bucket before any handler runs (docs/design.md#rate-limit).
 * Health, readiness and metrics are exempt (docs/design.md#rate-limit); so are {@code /version},
 * {@code /openapi} and the JWKS, which are static documents that monitors and booking backends
 * fetch, and the gate check, which a reverse proxy asks once per request of its visitors
 * (docs/design.md#gate).
 */
public final class RateLimitFilter implements Filter {
  static final Set<String> EXEMPT =
      Set.of(
          Routes.HEALTHZ,
          Routes.READYZ,
          Routes.METRICS,
          Routes.VERSION,
          Routes.OPENAPI,
          Routes.JWKS);
  private static final HeaderName FORWARDED_FOR = HeaderNames.X_FORWARDED_FOR;

  private final RateLimitUseCase rateLimit;
  private final ClientAddress clientAddress;

  /**
   * @param trustedProxies the proxy networks (CIDRs) whose {@code X-Forwarded-For} is believed
   */
  public RateLimitFilter(RateLimitUseCase rateLimit, List<String> trustedProxies) {
    this.rateLimit = rateLimit;
    this.clientAddress = new ClientAddress(trustedProxies);
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String path = req.path().rawPath();
    if (EXEMPT.contains(path) || isGateCheck(path)) {
      chain.proceed();
      return;
    }
    String client = clientKey(req);
    RateDecision decision = rateLimit.acquire(client, scope(req.prologue().method()));
    if (!decision.allowed()) {
      // Written here rather than thrown: a filter's exception would skip the metrics filter.
      ErrorResponses.send(req, res, QueueErrorMapper.map(new RateLimited(decision)));
      return;
    }
    QueueErrorMapper.rateLimitHeaders(decision).forEach(res::header);
    chain.proceed();
  }

  private static boolean isGateCheck(String path) {
    return path.equals(Routes.GATE_CHECK) || path.startsWith(Routes.GATE_CHECK + "/");
  }

  /**
   * Reads (status polls, push streams, the page) are counted in this instance, so that a status
   * call costs one store round trip; requests that change state are counted across instances.
   */
  static RateLimitScope scope(Method method) {
    return Method.GET.equals(method) || Method.HEAD.equals(method)
        ? RateLimitScope.INSTANCE
        : RateLimitScope.SHARED;
  }

  private String clientKey(RoutingRequest req) {
    Supplier<List<String>> forwardedFor = () -> req.headers().all(FORWARDED_FOR, List::of);
    SocketAddress address = req.remotePeer().address();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return clientAddress.clientKey(inet.getAddress(), forwardedFor);
    }
    return clientAddress.clientKey(req.remotePeer().host(), forwardedFor.get());
  }
}
