package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.LineFeedContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LineFeed contract against Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterLineFeedIT extends LineFeedContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
  }

  @Override
  protected QueueStore newStoreKeepingFeed() {
    return SharedRedisStores.freshKeepingFeed(RedisSettings.Mode.CLUSTER, SHORT_FEED);
  }
}
