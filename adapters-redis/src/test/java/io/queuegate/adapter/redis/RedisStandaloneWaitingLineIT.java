package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.WaitingLineContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WaitingLine contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneWaitingLineIT extends WaitingLineContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }
}
