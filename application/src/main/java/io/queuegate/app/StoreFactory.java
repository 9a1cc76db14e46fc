package io.queuegate.app;

import io.queuegate.adapter.memory.InMemoryStores;
import io.queuegate.domain.port.out.QueueMetrics;

/** Builds the configured store. */
public final class StoreFactory {

  private StoreFactory() {}

  public static Stores create(AppSettings settings, QueueMetrics metrics) {
    return switch (settings.store()) {
      case MEMORY -> memory();
      case REDIS ->
          throw new IllegalArgumentException(
              "queuegate.store=redis is not available in this build; use memory");
    };
  }

  /** A fresh in-memory store: one instance, nothing survives a restart. */
  public static Stores memory() {
    InMemoryStores memory = new InMemoryStores();
    return new Stores(
        memory.line(),
        memory.ledger(),
        memory.policies(),
        memory.idempotency(),
        memory.rateLimits(),
        memory.health(),
        () -> {});
  }
}
