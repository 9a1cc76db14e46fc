package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.GateSessionsContract;
import io.queuegate.domain.port.out.QueueStore;

class InMemoryGateSessionsTest extends GateSessionsContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
