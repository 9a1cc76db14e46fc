package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.StoreHealthContract;

class InMemoryStoreHealthTest extends StoreHealthContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
