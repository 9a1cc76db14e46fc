package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.StoreHealthContract;
import io.queuegate.domain.port.out.StoreUnderTest;

class InMemoryStoreHealthTest extends StoreHealthContract {
  @Override
  protected StoreUnderTest newStore() {
    return MemoryStoreUnderTest.fresh();
  }
}
