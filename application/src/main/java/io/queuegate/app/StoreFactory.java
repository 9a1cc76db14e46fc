package io.queuegate.app;

import io.queuegate.adapter.memory.InMemoryStores;
import io.queuegate.adapter.redis.CommandTimer;
import io.queuegate.adapter.redis.RedisStores;
import io.queuegate.domain.port.out.QueueStore;

/** Builds the configured store. */
public final class StoreFactory {
  private static final System.Logger LOG = System.getLogger(StoreFactory.class.getName());

  private StoreFactory() {}

  /**
   * @param timer where the Redis store reports its command latencies (the memory store has none)
   */
  public static QueueStore create(AppSettings settings, CommandTimer timer) {
    return switch (settings.store()) {
      case MEMORY -> InMemoryStores.create();
      case REDIS -> redis(settings, timer);
    };
  }

  private static QueueStore redis(AppSettings settings, CommandTimer timer) {
    RedisStores redis = RedisStores.connect(settings.redis(), timer);
    LOG.log(System.Logger.Level.INFO, "Redis store: {0}", redis.describeTopology());
    return redis.store();
  }
}
