package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.AdmissionLedgerContract;
import io.queuegate.domain.port.out.StoreUnderTest;

class InMemoryAdmissionLedgerTest extends AdmissionLedgerContract {
  @Override
  protected StoreUnderTest newStore() {
    return MemoryStoreUnderTest.fresh();
  }
}
