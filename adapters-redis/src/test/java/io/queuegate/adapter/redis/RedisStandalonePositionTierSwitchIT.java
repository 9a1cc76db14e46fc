package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The position-tier switch forces every status onto a lower tier, with the same answer. */
@ExtendWith(RedisExtension.class)
class RedisStandalonePositionTierSwitchIT {

  private static RedisSettings settings(RedisSettings.PositionTier tier) {
    return SharedRedisStores.settings(RedisSettings.Mode.STANDALONE).toBuilder()
        .positionTier(tier)
        .build();
  }

  private static List<WaiterId> join(RedisStores stores, EventId event, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> stores.store().line().join(anonymous(event), 0, at(i)).standing().waiter().id())
        .toList();
  }

  @Test
  void scanTier_answersEveryStatusByScanAndNeverRebuildsTheIndex() {
    SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
    RedisAdmin admin = SharedRedisStores.admin(RedisSettings.Mode.STANDALONE);
    try (RedisStores stores =
        RedisStores.connect(settings(RedisSettings.PositionTier.SCAN), CommandTimer.NONE)) {
      EventId event = newEventId();
      List<WaiterId> waiters = join(stores, event, 4);
      RedisKeys keys = new RedisKeys(event);
      admin.onOwner(keys.position(), n -> n.zrem(keys.position(), waiters.get(0).value()));

      WaiterStanding first = stores.store().line().locate(event, waiters.get(2), at(10));
      WaiterStanding second = stores.store().line().locate(event, waiters.get(3), at(11));

      assertThat(first.method()).isEqualTo(PositionMethods.SCAN);
      assertThat(first.position()).isEqualTo(3);
      assertThat(second.method()).isEqualTo(PositionMethods.SCAN);
      assertThat(second.position()).isEqualTo(4);
      Long indexed = admin.onOwner(keys.position(), n -> n.zcard(keys.position()));
      assertThat(indexed).isEqualTo(3);
    }
  }

  @Test
  void legacyTier_answersEveryStatusFromTheLegacyZset() {
    SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
    try (RedisStores stores =
        RedisStores.connect(settings(RedisSettings.PositionTier.LEGACY), CommandTimer.NONE)) {
      EventId event = newEventId();
      List<WaiterId> waiters = join(stores, event, 3);

      WaiterStanding standing = stores.store().line().locate(event, waiters.get(1), at(10));

      assertThat(standing.method()).isEqualTo(PositionMethods.LEGACY);
      assertThat(standing.position()).isEqualTo(2);
    }
  }

  @Test
  void indexTier_isTheDefaultAndAnswersFromTheIndex() {
    SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
    try (RedisStores stores =
        RedisStores.connect(
            SharedRedisStores.settings(RedisSettings.Mode.STANDALONE), CommandTimer.NONE)) {
      EventId event = newEventId();
      List<WaiterId> waiters = join(stores, event, 2);

      assertThat(stores.store().line().locate(event, waiters.get(1), at(10)).method())
          .isEqualTo(PositionMethods.INDEX);
    }
  }
}
