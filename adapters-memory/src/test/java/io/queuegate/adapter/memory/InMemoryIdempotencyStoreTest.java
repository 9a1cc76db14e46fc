package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.IdempotencyStoreContract;
import io.queuegate.domain.port.out.StoreUnderTest;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  @Override
  protected StoreUnderTest newStore() {
    return MemoryStoreUnderTest.fresh();
  }
}
