package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Joined;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replica reads, replica-acknowledged joins and the topology description on Redis Cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterOptionsIT {

  private static RedisSettings settings() {
    return SharedRedisStores.settings(RedisSettings.Mode.CLUSTER);
  }

  @Test
  void locateFromReplicasRightAfterJoin_neverAnswersNotFound() {
    SharedRedisStores.fresh(RedisSettings.Mode.CLUSTER);
    try (RedisStores stores =
        RedisStores.connect(
            settings().toBuilder().readFrom(RedisSettings.ReadFrom.REPLICA_PREFERRED).build(),
            CommandTimer.NONE)) {
      List<Long> positions = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        EventId event = newEventId();
        Joined joined = stores.store().line().join(anonymous(event), 0, at(0));
        positions.add(
            stores.store().line().locate(event, joined.standing().waiter().id(), at(0)).position());
      }
      assertThat(positions).containsOnly(1L);
    }
  }

  @Test
  void joinWithReplicaDurability_succeedsWhenAReplicaAcknowledges() {
    try (RedisStores stores =
        RedisStores.connect(
            settings().toBuilder().joinDurability(RedisSettings.JoinDurability.REPLICA).build(),
            CommandTimer.NONE)) {
      EventId event = newEventId();

      Joined joined = stores.store().line().join(anonymous(event), 0, at(0));

      assertThat(joined.standing().position()).isEqualTo(1);
    }
  }

  @Test
  void describeTopology_namesThreeShardsWithOneReplicaEach() {
    String topology = SharedRedisStores.stores(RedisSettings.Mode.CLUSTER).describeTopology();

    assertThat(topology).startsWith("cluster");
    assertThat(topology.split("replicas=1", -1)).hasSize(4);
  }
}
