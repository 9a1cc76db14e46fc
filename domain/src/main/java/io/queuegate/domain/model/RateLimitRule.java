package io.queuegate.domain.model;

/**
 * Which limit a request is counted under, and so what its bucket is keyed by
 * (docs/design.md#rate-limit). Waiters are counted by their waiting token, so that people who share
 * an address never use up each other's requests; everything else by the client's network.
 */
public enum RateLimitRule {
  /** Joins, per client network: the one request that needs no token. */
  JOIN("j:"),
  /** Status, the event stream, enter and leave, per waiting token. */
  TOKEN("t:"),
  /**
   * Token routes that named no waiter (a malformed, unknown or expired token), per client network,
   * always in the instance: it keeps made-up tokens from getting around the per-token limit.
   */
  UNKNOWN_TOKEN("u:"),
  /** Admission checks of booking backends, per client network. */
  VERIFY("v:"),
  /** Every other limited request (the waiting page, its files, the operator API), per network. */
  CLIENT("c:");

  private final String prefix;

  RateLimitRule(String prefix) {
    this.prefix = prefix;
  }

  /** The bucket key of {@code subject} under this rule: each rule has buckets of its own. */
  public String bucketKey(String subject) {
    return prefix + subject;
  }
}
