package io.queuegate.domain.model;

import java.util.Objects;

/**
 * One request to count: the rule it falls under, the bucket's subject (a client network, or a
 * waiting token), the client network it came from, and where it is counted.
 */
public record RateLimitRequest(
    RateLimitRule rule, String subject, String client, RateLimitScope scope) {

  public RateLimitRequest {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(subject);
    Objects.requireNonNull(client);
    Objects.requireNonNull(scope);
  }

  /** A request counted against the client network it came from. */
  public static RateLimitRequest byClient(RateLimitRule rule, String client, RateLimitScope scope) {
    return new RateLimitRequest(rule, client, client, scope);
  }

  /** A request of a waiter, counted against its token. */
  public static RateLimitRequest byToken(WaitingToken token, String client, RateLimitScope scope) {
    return new RateLimitRequest(RateLimitRule.TOKEN, token.encode(), client, scope);
  }
}
