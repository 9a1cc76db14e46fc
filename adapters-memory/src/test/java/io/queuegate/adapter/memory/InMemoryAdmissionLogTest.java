package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.AdmissionLogContract;
import io.queuegate.domain.port.out.QueueStore;

class InMemoryAdmissionLogTest extends AdmissionLogContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
