package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Finds the policy in force for an event, cached briefly so the status path rarely reads it. While
 * a reload is in flight or has just failed, a policy that went stale less than {@link #GRACE} ago
 * is served as it was, and the reload of such a policy runs on the refresher, so a slow store costs
 * no caller a wait while there is a policy to serve.
 */
public final class PolicyCatalog {
  // Any event id a client sends gets an entry, so the cache must not be allowed to grow forever.
  private static final int MAX_CACHED_EVENTS = 10_000;

  /**
   * How long after going stale a policy is still served while it cannot be read: a change made on
   * another instance then shows within the cache time plus this, and only while the store fails.
   */
  static final Duration GRACE = Duration.ofSeconds(30);

  /** After a failed read, callers get the last policy (or the failure) at once for this long. */
  static final Duration BACKOFF = Duration.ofSeconds(1);

  private final EventPolicies policies;
  private final QueuePolicy defaults;
  private final Clock clock;
  private final ExpiringCache<EventId, QueuePolicy> cache;

  /** A catalog that reloads on the caller's thread: the first caller after the cache time waits. */
  public PolicyCatalog(
      EventPolicies policies, QueuePolicy defaults, Clock clock, Duration cacheFor) {
    this(policies, defaults, clock, cacheFor, Runnable::run);
  }

  /**
   * @param refresher runs the reload of a policy past its cache time but within its grace, while
   *     callers are served the policy they had
   */
  public PolicyCatalog(
      EventPolicies policies,
      QueuePolicy defaults,
      Clock clock,
      Duration cacheFor,
      Executor refresher) {
    this.policies = Objects.requireNonNull(policies);
    this.defaults = Objects.requireNonNull(defaults);
    this.clock = Objects.requireNonNull(clock);
    this.cache = new ExpiringCache<>(clock, cacheFor, GRACE, BACKOFF, MAX_CACHED_EVENTS, refresher);
  }

  /**
   * The event's policy, or the defaults when it was never configured. A change made on another
   * instance shows here within {@code cacheFor} plus one reload (within {@link #GRACE} more while
   * the store cannot be read). Without a policy within its grace, a failed read fails the call, and
   * for {@link #BACKOFF} every call of the event at once.
   */
  public QueuePolicy policyFor(EventId eventId) {
    return cache.get(eventId, id -> policies.find(id).orElse(defaults));
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
