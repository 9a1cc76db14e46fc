package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.IdempotencyStore;
import io.queuegate.domain.port.out.RateLimitBuckets;
import io.queuegate.domain.port.out.StoreHealth;
import io.queuegate.domain.port.out.WaitingLine;

/** The in-memory store: all six store ports over one shared set of events, for one instance. */
public record InMemoryStores(
    WaitingLine waitingLine,
    AdmissionLedger admissionLedger,
    EventPolicies eventPolicies,
    IdempotencyStore idempotencyStore,
    RateLimitBuckets rateLimitBuckets,
    StoreHealth storeHealth) {

  /** A fresh, empty store. */
  public InMemoryStores() {
    this(new EventRegistry(EventRegistry.DEFAULT_IDLE_RETENTION));
  }

  /** A fresh, empty store; the same as {@code new InMemoryStores()}. */
  public static InMemoryStores create() {
    return new InMemoryStores();
  }

  InMemoryStores(EventRegistry events) {
    this(
        new InMemoryWaitingLine(events),
        new InMemoryAdmissionLedger(events),
        new InMemoryEventPolicies(events),
        new InMemoryIdempotencyStore(),
        new InMemoryRateLimitBuckets(),
        new InMemoryStoreHealth());
  }
}
