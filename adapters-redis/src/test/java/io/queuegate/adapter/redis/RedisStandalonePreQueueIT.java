package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.PreQueueContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PreQueue contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandalonePreQueueIT extends PreQueueContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }
}
