package io.queuegate.domain.service;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitRequest;
import io.queuegate.domain.model.RateLimitRule;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.in.RateLimitUseCase;
import io.queuegate.domain.port.out.RateLimitBuckets;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the request limits (docs/design.md#rate-limit): each rule with its own limit and buckets,
 * in the store for requests that change state and in this instance for reads, failing open or
 * closed when the store is down. A client network that names more unknown tokens than its limit
 * allows is refused on the token routes until its bucket has room again, so that made-up tokens,
 * each with a fresh bucket of its own, cannot get around the per-token limit.
 */
public final class RateLimitService implements RateLimitUseCase {
  private static final System.Logger LOG = System.getLogger(RateLimitService.class.getName());

  private final RateLimitBuckets shared;
  private final RateLimitBuckets instance;
  private final RateLimits limits;
  private final boolean failOpen;
  private final Clock clock;
  private final ClientBlocks blocks = new ClientBlocks();

  /**
   * @param failOpen whether requests pass while the store is unavailable (the default, as the old
   *     gateway did) or are refused with the store's 503
   */
  public RateLimitService(
      RateLimitBuckets shared,
      RateLimitBuckets instance,
      RateLimits limits,
      boolean failOpen,
      Clock clock) {
    this.shared = Objects.requireNonNull(shared);
    this.instance = Objects.requireNonNull(instance);
    this.limits = Objects.requireNonNull(limits);
    this.failOpen = failOpen;
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public RateDecision acquire(RateLimitRequest request) {
    RateLimitRule rule = request.rule();
    Gcra limit = limits.of(rule);
    Instant now = clock.instant();
    String key = rule.bucketKey(request.subject());
    if (rule == RateLimitRule.UNKNOWN_TOKEN) {
      // Counted where the lookups land: junk costs this instance, whatever the others see.
      RateDecision decision = instance.acquire(key, limit, now);
      if (!decision.allowed()) {
        blocks.block(request.client(), now.plus(decision.retryAfter()), now);
      }
      return decision;
    }
    if (rule == RateLimitRule.TOKEN) {
      Optional<Duration> blocked = blocks.remaining(request.client(), now);
      if (blocked.isPresent()) {
        return new RateDecision(false, limit.burst(), 0, blocked.get(), blocked.get());
      }
    }
    if (request.scope() == RateLimitScope.INSTANCE) {
      return instance.acquire(key, limit, now);
    }
    try {
      return shared.acquire(key, limit, now);
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
