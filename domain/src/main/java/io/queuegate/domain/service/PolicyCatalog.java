package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Finds the policy in force for an event, cached briefly so the status path rarely reads it. */
public final class PolicyCatalog {
  // Any event id a client sends gets an entry, so the cache must not be allowed to grow forever.
  private static final int MAX_CACHED_EVENTS = 10_000;

  private final EventPolicies policies;
  private final QueuePolicy defaults;
  private final Clock clock;
  private final ExpiringCache<EventId, QueuePolicy> cache;

  public PolicyCatalog(
      EventPolicies policies, QueuePolicy defaults, Clock clock, Duration cacheFor) {
    this.policies = Objects.requireNonNull(policies);
    this.defaults = Objects.requireNonNull(defaults);
    this.clock = Objects.requireNonNull(clock);
    this.cache = new ExpiringCache<>(cacheFor, MAX_CACHED_EVENTS);
  }

  /**
   * The event's policy, or the defaults when it was never configured. A change made on another
   * instance shows here within {@code cacheFor}.
   */
  public QueuePolicy policyFor(EventId eventId) {
    return cache.get(eventId, clock.instant(), id -> policies.find(id).orElse(defaults));
  }

  /** The event's stored policy, read now; empty when it runs on the defaults. */
  public Optional<QueuePolicy> configured(EventId eventId) {
    return policies.find(eventId);
  }

  /** The policy of every event that was never configured. */
  public QueuePolicy defaults() {
    return defaults;
  }

  /** Drops the cached policy after a change made through this instance, so it applies at once. */
  public void forget(EventId eventId) {
    cache.forget(eventId);
  }

  int cachedEvents() {
    return cache.size();
  }
}
