package io.queuegate.adapter.redis;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.port.out.RateLimitBuckets;
import java.time.Instant;
import java.util.List;

/** Per-client GCRA buckets, one key each, decided by rate_acquire.lua with the domain's math. */
final class RedisRateLimitBuckets implements RateLimitBuckets {
  private final ScriptRunner scripts;

  RedisRateLimitBuckets(ScriptRunner scripts) {
    this.scripts = scripts;
  }

  @Override
  public RateDecision acquire(String clientKey, Gcra limit, Instant now) {
    List<Object> reply =
        scripts.run(
            Script.RATE_ACQUIRE,
            List.of(RedisKeys.rate(clientKey)),
            List.of(
                Long.toString(limit.emissionIntervalNanos()),
                Long.toString(limit.toleranceNanos()),
                Long.toString(now.getEpochSecond()),
                Integer.toString(now.getNano())));
    return RateReply.from(reply).toDecision(limit.burst());
  }
}
