package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.EventPoliciesContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EventPolicies contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterEventPoliciesIT extends EventPoliciesContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
