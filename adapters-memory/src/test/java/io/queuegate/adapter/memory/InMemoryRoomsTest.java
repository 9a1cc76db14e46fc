package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.RoomsContract;

class InMemoryRoomsTest extends RoomsContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
