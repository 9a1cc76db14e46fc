package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.EventPoliciesContract;
import io.queuegate.domain.port.out.StoreUnderTest;

class InMemoryEventPoliciesTest extends EventPoliciesContract {
  @Override
  protected StoreUnderTest newStore() {
    return MemoryStoreUnderTest.fresh();
  }
}
