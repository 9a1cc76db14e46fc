package io.queuegate.adapter.http.filter;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.queuegate.adapter.http.envelope.RateLimitHeaders;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitRequest;
import io.queuegate.domain.model.RateLimitRule;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.RateLimited;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.RateLimitUseCase;
import java.util.Optional;

/**
 * Counts the waiter's routes (status, the event stream, enter and leave) by waiting token, so that
 * people who share an address never use up each other's requests (docs/design.md#rate-limit). The
 * handlers call it once they have the token, from the query or from the body they read anyway. A
 * request without a well-formed token counts against the client network's unknown-token limit, and
 * so, afterwards, does a token that named no waiter.
 */
public final class TokenRateLimit {
  private final RateLimitUseCase rateLimit;
  private final ClientNetworks clients;

  public TokenRateLimit(RateLimitUseCase rateLimit, ClientNetworks clients) {
    this.rateLimit = rateLimit;
    this.clients = clients;
  }

  /**
   * Takes one request from the token's bucket and sets the X-RateLimit-* headers on {@code res}.
   *
   * @param token the token as the client sent it; empty when it sent none
   * @throws RateLimited when the bucket is empty (answered 429 {@code RATE_LIMITED})
   */
  public CountedToken acquire(ServerRequest req, ServerResponse res, Optional<String> token) {
    String client = clients.networkOf(req);
    Optional<WaitingToken> parsed = token.flatMap(WaitingToken::parse);
    RateLimitScope scope = RateLimitFilter.scope(req.prologue().method());
    RateDecision decision =
        rateLimit.acquire(
            parsed
                .map(t -> RateLimitRequest.byToken(t, client, scope))
                .orElseGet(
                    () -> RateLimitRequest.byClient(RateLimitRule.UNKNOWN_TOKEN, client, scope)));
    if (!decision.allowed()) {
      throw new RateLimited(decision);
    }
    RateLimitHeaders.set(res, decision);
    return new CountedToken(rateLimit, client, parsed.isPresent());
  }
}
