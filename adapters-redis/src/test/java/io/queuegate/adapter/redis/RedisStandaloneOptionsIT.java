package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Settings that change behaviour on a standalone server without replicas. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneOptionsIT {

  private static RedisSettings settings() {
    return SharedRedisStores.settings(RedisSettings.Mode.STANDALONE);
  }

  @Test
  void joinWithReplicaDurabilityAndNoReplica_failsAsStoreUnavailable() {
    try (RedisStores stores =
        RedisStores.connect(
            settings().toBuilder().joinDurability(RedisSettings.JoinDurability.REPLICA).build(),
            CommandTimer.NONE)) {
      assertThatThrownBy(() -> stores.store().line().join(anonymous(newEventId()), 0, at(0)))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  @Test
  void legacyZsetSwitchedOff_isNeverWritten() {
    SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE);
    RedisAdmin admin = SharedRedisStores.admin(RedisSettings.Mode.STANDALONE);
    try (RedisStores stores =
        RedisStores.connect(settings().toBuilder().legacyZset(false).build(), CommandTimer.NONE)) {
      EventId event = newEventId();
      WaiterId id = stores.store().line().join(anonymous(event), 0, at(0)).standing().waiter().id();

      assertThat(stores.store().line().locate(event, id, at(1)).method())
          .isEqualTo(PositionMethods.INDEX);
      assertThat(admin.allKeys()).doesNotContain(new RedisKeys(event).legacy());
    }
  }

  @Test
  void describeTopology_namesTheModeButNeverThePassword() {
    RedisSettings withSecret = settings().toBuilder().password("s3cret-value").build();

    assertThat(withSecret.toString()).doesNotContain("s3cret-value");
    assertThat(SharedRedisStores.stores(RedisSettings.Mode.STANDALONE).describeTopology())
        .startsWith("standalone");
  }
}
