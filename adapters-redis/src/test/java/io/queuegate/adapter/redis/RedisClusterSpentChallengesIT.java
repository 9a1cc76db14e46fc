package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.SpentChallengesContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SpentChallenges contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterSpentChallengesIT extends SpentChallengesContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
