package io.queuegate.domain.model;

/** Where a client's requests are counted. */
public enum RateLimitScope {
  /**
   * In this instance only: for reads such as status polls and push streams, so that a poll costs no
   * store round trip beyond finding the position. With N instances behind a balancer a client gets
   * at most N times the limit for reads.
   */
  INSTANCE,
  /** In the store, across every instance: for requests that change state. */
  SHARED
}
