package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.GateSessionsContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The GateSessions contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneGateSessionsIT extends GateSessionsContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }
}
