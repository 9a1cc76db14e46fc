package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.FeedGap;
import io.queuegate.domain.port.out.LineFeed;
import io.queuegate.domain.port.out.QueueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A feed trimmed to nothing by hand (docs/design.md#feed): it still ends at the last id it gave, so
 * a snapshot then is labelled with that version, a reader there is caught up, and one before it or
 * one at it once the next entry names no previous gets a gap.
 */
@ExtendWith(RedisExtension.class)
class RedisFeedTrimmedToNothingIT {
  @Test
  void aFeedTrimmedToNothing_endsAtItsLastId_andReadersBeforeItOrPastTheNextEntryGetAGap() {
    QueueStore store = SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
    LineFeed feed = store.feed();
    EventId event = newEventId();
    for (int i = 0; i < 3; i++) {
      store.line().join(anonymous(event), 0, at(i));
    }
    long first = feed.read(event, 0, 10).entries().get(0).version();
    long last = feed.head(event).version();

    RedisClient client = RedisClient.create("redis://" + RedisServers.standalone().address());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      redis.sync().xtrim(new RedisKeys(event).feed(), 0);
    } finally {
      client.shutdown();
    }

    assertThat(feed.head(event).version()).isEqualTo(last);
    assertThat(feed.read(event, last, 10).entries()).isEmpty();
    assertThatThrownBy(() -> feed.read(event, first, 10)).isInstanceOf(FeedGap.class);
    store.line().join(anonymous(event), 0, at(4));
    assertThatThrownBy(() -> feed.read(event, last, 10)).isInstanceOf(FeedGap.class);
    assertThat(feed.head(event).version()).isGreaterThan(last);
  }
}
