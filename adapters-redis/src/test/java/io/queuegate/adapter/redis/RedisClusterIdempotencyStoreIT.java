package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.IdempotencyStoreContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The IdempotencyStore contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterIdempotencyStoreIT extends IdempotencyStoreContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
