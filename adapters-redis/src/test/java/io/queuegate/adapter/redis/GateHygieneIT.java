package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.OPEN_LIMITER;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.port.out.GateSessions;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.RoomsContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gate's keys in Redis: every one a session or a revocation creates has a TTL, the counters of
 * an event nobody configured included; only the operator's rooms hash (removed with its last room)
 * lives on; no KEYS.
 */
abstract class GateHygieneIT {

  protected abstract RedisSettings.Mode mode();

  void gateWorkload_leavesOnlyKeysWithATtl_butTheRooms() {
    QueueStore store = SharedRedisStores.fresh(mode());
    RedisAdmin admin = SharedRedisStores.admin(mode());
    Map<String, Long> before = admin.commandCalls();
    EventId event = newEventId();
    GateSessions sessions = store.gate().sessions();
    sessions.admitAtOnce(attempt(event, "a"), at(1));
    sessions.admitAtOnce(attempt(event, "b"), at(1));
    sessions.extend(event, Map.of("a", at(200)), at(2));
    sessions.end(event, "b", Duration.ofSeconds(600), at(3));
    sessions.revokedSince(event, at(0));
    store.gate().rooms().save(RoomsContract.fullRoom(new RoomId("hygiene")));
    store.gate().rooms().list();

    Map<String, Long> ttl = new HashMap<>();
    for (String key : admin.allKeys()) {
      ttl.put(key, admin.onOwner(key, n -> n.pttl(key)));
    }
    RedisKeys keys = new RedisKeys(event);
    Set<String> persistent =
        ttl.entrySet().stream()
            .filter(e -> e.getValue() == -1)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(persistent).containsExactly(RedisKeys.ROOMS);
    assertThat(ttl)
        .containsKeys(keys.live(), keys.revoked(), keys.limiter(), keys.admissions(), keys.stats());
    assertThat(admin.commandCallsSince(before)).doesNotContainKey("keys");
  }

  void lastRoomDeleted_leavesNoRoomsKey() {
    QueueStore store = SharedRedisStores.fresh(mode());
    RedisAdmin admin = SharedRedisStores.admin(mode());
    store.gate().rooms().save(RoomsContract.fullRoom(new RoomId("only")));

    store.gate().rooms().delete(new RoomId("only"));

    assertThat(admin.allKeys()).doesNotContain(RedisKeys.ROOMS);
  }

  private static AtOnceAttempt attempt(EventId event, String id) {
    return new AtOnceAttempt(event, false, OPEN_LIMITER, 0, id, at(100), false);
  }
}
