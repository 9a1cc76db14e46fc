package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.WaitingLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reaper's list of events on a cluster with one shard frozen (SIGSTOP, shorter than the node
 * timeout, so no failover): the other shards' events are still listed, and so are the frozen
 * shard's, whose lines could not be read.
 */
@ExtendWith(RedisExtension.class)
class RedisClusterActiveEventsIT {
  private static final RedisSettings.Mode CLUSTER = RedisSettings.Mode.CLUSTER;

  @Test
  void shardOfSomeEventsFrozen_everyEventIsStillListed() {
    SharedRedisStores.fresh(CLUSTER);
    RedisAdmin admin = SharedRedisStores.admin(CLUSTER);
    int indexShard = admin.ownerPort(RedisKeys.ACTIVE_EVENTS);
    Map<Integer, EventId> byShard = eventsOnTwoShards(admin, port -> port != indexShard);
    List<Integer> shards = new ArrayList<>(byShard.keySet());
    try (RedisStores stores = RedisStores.connect(settings(), CommandTimer.NONE)) {
      WaitingLine line = stores.store().line();
      byShard.values().forEach(e -> line.join(anonymous(e), 0, at(0)));
      RedisServer frozen = RedisServers.cluster().node("127.0.0.1:" + shards.get(0));

      frozen.freeze();
      try {
        assertThat(line.activeEvents())
            .containsExactlyInAnyOrder(byShard.get(shards.get(0)), byShard.get(shards.get(1)));
      } finally {
        frozen.thaw();
      }
    }
  }

  @Test
  void shardOfTheIndexFrozen_theEventsReadLastAreStillListed() {
    SharedRedisStores.fresh(CLUSTER);
    RedisAdmin admin = SharedRedisStores.admin(CLUSTER);
    int indexShard = admin.ownerPort(RedisKeys.ACTIVE_EVENTS);
    Map<Integer, EventId> byShard = eventsOnTwoShards(admin, port -> port != indexShard);
    try (RedisStores stores = RedisStores.connect(settings(), CommandTimer.NONE)) {
      WaitingLine line = stores.store().line();
      byShard.values().forEach(e -> line.join(anonymous(e), 0, at(0)));
      assertThat(line.activeEvents()).containsExactlyInAnyOrderElementsOf(byShard.values());
      RedisServer frozen = RedisServers.cluster().node("127.0.0.1:" + indexShard);

      frozen.freeze();
      try {
        assertThat(line.activeEvents()).containsExactlyInAnyOrderElementsOf(byShard.values());
      } finally {
        frozen.thaw();
      }
    }
  }

  private static RedisSettings settings() {
    return SharedRedisStores.settings(CLUSTER);
  }

  /** One new event on each of two primaries that {@code allowed} accepts, by the primary's port. */
  private static Map<Integer, EventId> eventsOnTwoShards(RedisAdmin admin, IntPredicate allowed) {
    Map<Integer, EventId> byShard = new LinkedHashMap<>();
    while (byShard.size() < 2) {
      EventId event = newEventId();
      int port = admin.ownerPort(new RedisKeys(event).heartbeat());
      if (allowed.test(port)) {
        byShard.putIfAbsent(port, event);
      }
    }
    return byShard;
  }
}
