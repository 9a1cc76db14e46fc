package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.RateLimitBucketsContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The RateLimitBuckets contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterRateLimitBucketsIT extends RateLimitBucketsContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
