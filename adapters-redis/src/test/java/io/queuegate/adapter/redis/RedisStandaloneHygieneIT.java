package io.queuegate.adapter.redis;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Store hygiene on Redis standalone; ordered after every other test class. */
@Order(Integer.MAX_VALUE)
@ExtendWith(RedisExtension.class)
class RedisStandaloneHygieneIT extends StoreHygieneIT {
  @Override
  protected RedisSettings.Mode mode() {
    return RedisSettings.Mode.STANDALONE;
  }

  @Test
  void wholeRun_neverIssuedKeys() {
    wholeRun_issuedNoKeys();
  }

  @Test
  void everyStoreOperation_issuesNoKeys() {
    storeOperations_issueNoKeys();
  }

  @Test
  void afterAWorkload_everyKeyExpiresOnceTheLineIsEmptyAndThePolicyGone() {
    everyKeyLeft_expiresOnceTheLineIsEmptyAndThePolicyGone();
  }

  @Test
  void tenThousandMadeUpEvents_leaveNoKeyBehindOnceReapedAndIdle() {
    tenThousandMadeUpEvents_leaveNoKeyOnceReapedAndTheirWindowsPassed();
  }

  @Test
  void statusCalls_costOneEvalshaRoEach() {
    locate_costsOneEvalshaRo();
  }
}
