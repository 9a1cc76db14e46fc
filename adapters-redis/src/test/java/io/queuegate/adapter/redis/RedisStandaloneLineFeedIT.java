package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.LineFeedContract;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LineFeed contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneLineFeedIT extends LineFeedContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }

  @Override
  protected QueueStore newStoreKeepingFeed() {
    return SharedRedisStores.freshKeepingFeed(RedisSettings.Mode.STANDALONE, SHORT_FEED);
  }
}
