package io.queuegate.domain.model;

import java.time.Duration;

/** A per-client rate-limit answer, with what the X-RateLimit-* headers need. */
public record RateDecision(
    boolean allowed, long limit, long remaining, Duration retryAfter, Duration resetAfter) {

  /** The answer used when the limiter's store fails and the policy is to let requests through. */
  public static RateDecision failOpen(long limit) {
    return new RateDecision(true, limit, limit, Duration.ZERO, Duration.ZERO);
  }
}
