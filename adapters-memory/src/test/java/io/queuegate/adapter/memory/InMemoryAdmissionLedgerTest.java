package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.AdmissionLedgerContract;
import io.queuegate.domain.port.out.QueueStore;

class InMemoryAdmissionLedgerTest extends AdmissionLedgerContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
