package io.queuegate.app;

import io.queuegate.adapter.memory.InMemoryStores;
import io.queuegate.adapter.redis.RedisStores;
import io.queuegate.domain.port.out.QueueMetrics;

/** Builds the configured store. */
public final class StoreFactory {
  private static final System.Logger LOG = System.getLogger(StoreFactory.class.getName());

  private StoreFactory() {}

  public static Stores create(AppSettings settings, QueueMetrics metrics) {
    return switch (settings.store()) {
      case MEMORY -> memory();
      case REDIS -> redis(settings, metrics);
    };
  }

  /** A fresh in-memory store: one instance, nothing survives a restart. */
  public static Stores memory() {
    InMemoryStores memory = new InMemoryStores();
    return new Stores(
        memory.waitingLine(),
        memory.admissionLedger(),
        memory.eventPolicies(),
        memory.idempotencyStore(),
        memory.rateLimitBuckets(),
        memory.storeHealth(),
        () -> {});
  }

  private static Stores redis(AppSettings settings, QueueMetrics metrics) {
    RedisStores redis = RedisStores.connect(settings.redis(), metrics);
    LOG.log(System.Logger.Level.INFO, "Redis store: {0}", redis.describeTopology());
    return new Stores(
        redis.waitingLine(),
        redis.admissionLedger(),
        redis.eventPolicies(),
        redis.idempotencyStore(),
        redis.rateLimitBuckets(),
        redis.storeHealth(),
        redis);
  }
}
