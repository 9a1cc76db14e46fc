package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.StoreHealthContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The StoreHealth contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterStoreHealthIT extends StoreHealthContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
