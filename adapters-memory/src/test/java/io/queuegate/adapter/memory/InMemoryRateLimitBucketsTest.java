package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.RateLimitBucketsContract;
import io.queuegate.domain.port.out.StoreUnderTest;

class InMemoryRateLimitBucketsTest extends RateLimitBucketsContract {
  @Override
  protected StoreUnderTest newStore() {
    return MemoryStoreUnderTest.fresh();
  }
}
