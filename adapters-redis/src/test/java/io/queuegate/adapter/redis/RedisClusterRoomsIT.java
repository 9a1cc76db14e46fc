package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.RoomsContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Rooms contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterRoomsIT extends RoomsContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
