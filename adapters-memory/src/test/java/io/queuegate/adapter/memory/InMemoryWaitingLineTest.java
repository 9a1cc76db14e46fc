package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.StoreUnderTest;
import io.queuegate.domain.port.out.WaitingLineContract;

class InMemoryWaitingLineTest extends WaitingLineContract {
  @Override
  protected StoreUnderTest newStore() {
    return MemoryStoreUnderTest.fresh();
  }
}
