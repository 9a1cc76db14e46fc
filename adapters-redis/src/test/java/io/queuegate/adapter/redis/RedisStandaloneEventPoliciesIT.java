package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.EventPoliciesContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EventPolicies contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneEventPoliciesIT extends EventPoliciesContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }
}
