package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.WaitingLineContract;
import io.queuegate.domain.port.out.StoreUnderTest;

class InMemoryWaitingLineTest extends WaitingLineContract {
  @Override
  protected StoreUnderTest newStore() {
    return MemoryStoreUnderTest.fresh();
  }
}
