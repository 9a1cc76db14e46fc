package io.queuegate.domain.model;

/** The client went over its request rate. */
public final class RateLimited extends QueueException {
  private final RateDecision decision;

  public RateLimited(RateDecision decision) {
    super("too many requests; slow down");
    this.decision = decision;
  }

  /** The limiter's answer, for the Retry-After and X-RateLimit-* headers. */
  public RateDecision decision() {
    return decision;
  }
}
