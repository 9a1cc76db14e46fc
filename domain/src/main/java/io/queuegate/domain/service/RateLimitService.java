package io.queuegate.domain.service;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.in.RateLimitUseCase;
import io.queuegate.domain.port.out.RateLimitBuckets;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;

/**
 * Applies the per-client request limit: in the store for requests that change state, in this
 * instance for reads, failing open or closed when the store is down.
 */
public final class RateLimitService implements RateLimitUseCase {
  private static final System.Logger LOG = System.getLogger(RateLimitService.class.getName());

  private final RateLimitBuckets shared;
  private final RateLimitBuckets instance;
  private final Gcra limit;
  private final boolean failOpen;
  private final Clock clock;

  /**
   * @param failOpen whether requests pass while the store is unavailable (the default, as the old
   *     gateway did) or are refused with the store's 503
   */
  public RateLimitService(
      RateLimitBuckets shared,
      RateLimitBuckets instance,
      Gcra limit,
      boolean failOpen,
      Clock clock) {
    this.shared = Objects.requireNonNull(shared);
    this.instance = Objects.requireNonNull(instance);
    this.limit = Objects.requireNonNull(limit);
    this.failOpen = failOpen;
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public RateDecision acquire(String clientKey, RateLimitScope scope) {
    if (scope == RateLimitScope.INSTANCE) {
      return instance.acquire(clientKey, limit, clock.instant());
    }
    try {
      return shared.acquire(clientKey, limit, clock.instant());
    } catch (StoreUnavailableException e) {
      if (!failOpen) {
        throw e;
      }
      // Every request during an outage lands here, so this stays below the default log level.
      LOG.log(Level.DEBUG, "rate limit store unavailable; letting the request through");
      return RateDecision.failOpen(limit.burst());
    }
  }
}
