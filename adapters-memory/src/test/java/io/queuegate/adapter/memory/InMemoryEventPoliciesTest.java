package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.EventPoliciesContract;
import io.queuegate.domain.port.out.QueueStore;

class InMemoryEventPoliciesTest extends EventPoliciesContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
