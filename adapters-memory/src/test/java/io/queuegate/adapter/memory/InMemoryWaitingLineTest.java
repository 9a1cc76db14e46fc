package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.WaitingLineContract;

class InMemoryWaitingLineTest extends WaitingLineContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
