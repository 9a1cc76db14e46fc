package io.queuegate.adapter.http.filter;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.queuegate.adapter.http.envelope.ErrorResponses;
import io.queuegate.adapter.http.envelope.QueueErrorMapper;
import io.queuegate.adapter.http.envelope.RateLimitHeaders;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitRequest;
import io.queuegate.domain.model.RateLimitRule;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.RateLimited;
import io.queuegate.domain.port.in.RateLimitUseCase;
import java.net.InetAddress;
import java.util.Set;

/**
 * Takes one request from the client network's bucket before any handler runs
 * (docs/design.md#rate-limit): joins under the join limit, admission checks under the verify limit
 * (booking backends' networks not at all), everything else under the client limit. The waiter's
 * routes (status, the event stream, enter and leave) are not counted here but by their token,
 * inside their handlers, which read the token anyway ({@link TokenRateLimit}). Health, readiness
 * and metrics are exempt; so are {@code /version}, {@code /openapi} and the JWKS, which are static
 * documents that monitors and booking backends fetch, and the gate check, which a reverse proxy
 * asks once per request of its visitors (docs/design.md#gate).
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

  private final RateLimitUseCase rateLimit;
  private final ClientNetworks clients;

  public RateLimitFilter(RateLimitUseCase rateLimit, ClientNetworks clients) {
    this.rateLimit = rateLimit;
    this.clients = clients;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String path = req.path().rawPath();
    Method method = req.prologue().method();
    if (EXEMPT.contains(path) || isGateCheck(path) || countedByToken(path, method)) {
      chain.proceed();
      return;
    }
    RateLimitRule rule = rule(path, method);
    InetAddress address = clients.addressOf(req);
    if (rule == RateLimitRule.VERIFY && clients.isBackend(address)) {
      chain.proceed();
      return;
    }
    String client = address == null ? req.remotePeer().host() : clients.networkOf(address);
    RateDecision decision =
        rateLimit.acquire(RateLimitRequest.byClient(rule, client, scope(method)));
    if (!decision.allowed()) {
      // Written here rather than thrown: a filter's exception would skip the metrics filter.
      ErrorResponses.send(req, res, QueueErrorMapper.map(new RateLimited(decision)));
      return;
    }
    RateLimitHeaders.set(res, decision);
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

  /** The waiter's routes, which their handlers count by token. */
  static boolean countedByToken(String path, Method method) {
    return switch (path) {
      case Routes.STATUS, Routes.EVENTS -> Method.GET.equals(method);
      case Routes.ENTER -> Method.POST.equals(method);
      case Routes.LEAVE -> Method.POST.equals(method) || Method.DELETE.equals(method);
      default -> false;
    };
  }

  private static RateLimitRule rule(String path, Method method) {
    if (Method.POST.equals(method) && Routes.JOIN.equals(path)) {
      return RateLimitRule.JOIN;
    }
    if (Method.POST.equals(method) && Routes.VERIFY.equals(path)) {
      return RateLimitRule.VERIFY;
    }
    return RateLimitRule.CLIENT;
  }
}
