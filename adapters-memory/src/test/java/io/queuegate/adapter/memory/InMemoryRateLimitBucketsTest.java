package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.RateLimitBucketsContract;

class InMemoryRateLimitBucketsTest extends RateLimitBucketsContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
