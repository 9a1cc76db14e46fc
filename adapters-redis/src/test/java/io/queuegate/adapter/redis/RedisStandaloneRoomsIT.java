package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.RoomsContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Rooms contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneRoomsIT extends RoomsContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }
}
