package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.StoreUnderTest;

/** Wraps a fresh in-memory store for the store contracts. */
final class MemoryStoreUnderTest {
  private MemoryStoreUnderTest() {}

  static StoreUnderTest fresh() {
    return of(new InMemoryStores());
  }

  static StoreUnderTest of(InMemoryStores stores) {
    return new StoreUnderTest(
        stores.waitingLine(),
        stores.admissionLedger(),
        stores.eventPolicies(),
        stores.idempotencyStore(),
        stores.rateLimitBuckets(),
        stores.storeHealth());
  }
}
