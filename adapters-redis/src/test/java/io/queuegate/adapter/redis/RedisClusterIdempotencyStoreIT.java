package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.IdempotencyStoreContract;
import io.queuegate.domain.port.out.StoreUnderTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** The IdempotencyStore contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterIdempotencyStoreIT extends IdempotencyStoreContract {
  @Override
  protected StoreUnderTest newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
