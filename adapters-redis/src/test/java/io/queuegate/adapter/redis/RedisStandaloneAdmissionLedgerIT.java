package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.AdmissionLedgerContract;
import io.queuegate.domain.port.out.StoreUnderTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AdmissionLedger contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneAdmissionLedgerIT extends AdmissionLedgerContract {
  @Override
  protected StoreUnderTest newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }
}
