package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.AdmissionLogContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AdmissionLog contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneAdmissionLogIT extends AdmissionLogContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }
}
