package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.LineFeedContract;
import io.queuegate.domain.port.out.QueueStore;

class InMemoryLineFeedTest extends LineFeedContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }

  @Override
  protected QueueStore newStoreKeepingFeed() {
    return InMemoryStores.create(SHORT_FEED);
  }
}
