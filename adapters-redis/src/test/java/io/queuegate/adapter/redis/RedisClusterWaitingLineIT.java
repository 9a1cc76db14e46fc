package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.WaitingLineContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WaitingLine contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterWaitingLineIT extends WaitingLineContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
