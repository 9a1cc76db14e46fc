package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.SpentChallengesContract;
import io.queuegate.domain.port.out.StoreFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SpentChallenges contract against Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneSpentChallengesIT extends SpentChallengesContract {
  @Override
  protected QueueStore newStore() {
    return SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
  }

  @Test
  void spentChallenge_livesInTheEventsSlot_untilTheChallengeExpires() {
    QueueStore store = newStore();
    EventId event = StoreFixtures.newEventId();
    store.spentChallenges().spend(event, "ab12", StoreFixtures.at(300), StoreFixtures.at(0));
    String key = new RedisKeys(event).spentChallenge("ab12");

    long ttlMs =
        SharedRedisStores.admin(RedisSettings.Mode.STANDALONE).onOwner(key, node -> node.pttl(key));

    assertThat(key).contains("{" + event.value() + "}");
    assertThat(ttlMs).isBetween(290_000L, 300_000L);
  }
}
