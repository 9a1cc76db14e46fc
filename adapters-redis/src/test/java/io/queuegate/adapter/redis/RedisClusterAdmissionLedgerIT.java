package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.AdmissionLedgerContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AdmissionLedger contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterAdmissionLedgerIT extends AdmissionLedgerContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }
}
