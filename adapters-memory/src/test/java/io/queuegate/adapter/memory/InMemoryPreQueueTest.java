package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.PreQueueContract;
import io.queuegate.domain.port.out.QueueStore;

class InMemoryPreQueueTest extends PreQueueContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
