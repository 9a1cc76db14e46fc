package io.queuegate.adapter.memory;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.port.out.RateLimitBuckets;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-client GCRA state kept in this process: one instant per client, dropped once it lies in the
 * past, because such a bucket is full again and decides like a missing one.
 */
public final class InMemoryRateLimitBuckets implements RateLimitBuckets {
  private static final int SWEEP_VISITS = 2;

  private final ConcurrentMap<String, Instant> tats = new ConcurrentHashMap<>();
  private final Sweeper<String, Instant> sweeper =
      new Sweeper<>(
          tats,
          (key, tat, now) -> {
            if (!tat.isAfter(now)) {
              tats.remove(key, tat);
            }
          });

  /** Also serves on its own as the per-instance limiter for reads, beside any store. */
  public InMemoryRateLimitBuckets() {}

  @Override
  public RateDecision acquire(String clientKey, Gcra limit, Instant now) {
    Gcra.Decision[] decision = new Gcra.Decision[1];
    tats.compute(
        clientKey,
        (key, tat) -> {
          decision[0] = limit.decide(tat, now);
          return decision[0].allowed() ? decision[0].tat() : tat;
        });
    sweeper.sweep(now, SWEEP_VISITS);
    Gcra.Decision d = decision[0];
    return new RateDecision(
        d.allowed(), limit.burst(), d.remaining(), d.retryAfter(), d.resetAfter());
  }

  /** Buckets held, for tests of the cleanup. */
  int size() {
    return tats.size();
  }
}
