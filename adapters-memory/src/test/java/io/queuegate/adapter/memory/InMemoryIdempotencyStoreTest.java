package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.IdempotencyStoreContract;
import io.queuegate.domain.port.out.QueueStore;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }
}
