package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.Concurrently;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How an event's keys go in Redis: the sequence with the last waiter (never under one still there),
 * the active-event index healed by heartbeats, and a delete in bounded steps that joins cannot get
 * half into.
 */
@ExtendWith(RedisExtension.class)
abstract class EventCleanupIT {
  private static final Duration ERASE_LIMIT = Duration.ofSeconds(30);

  private QueueStore store;
  private WaitingLine line;
  private RedisAdmin admin;
  private EventId event;
  private RedisKeys keys;

  protected abstract RedisSettings.Mode mode();

  @BeforeEach
  void freshStore() {
    store = SharedRedisStores.fresh(mode());
    line = store.line();
    admin = SharedRedisStores.admin(mode());
    event = newEventId();
    keys = new RedisKeys(event);
  }

  private WaiterId join(WaitingLine on) {
    return on.join(anonymous(event), 0, at(0)).standing().waiter().id();
  }

  private boolean exists(String key) {
    return admin.onOwner(key, n -> n.exists(key)) == 1;
  }

  @Test
  void lineThatEmptied_dropsItsSequence_andTheNextJoinStartsAtOne() {
    WaiterId first = join(line);
    WaiterId second = join(line);
    line.leave(event, first, at(1));
    assertThat(exists(keys.sequence())).isTrue();

    line.leave(event, second, at(2));

    assertThat(exists(keys.sequence())).isFalse();
    Joined next = line.join(anonymous(event), 0, at(3));
    assertThat(next.standing().waiter().sequence()).isEqualTo(1);
    assertThat(next.standing().position()).isEqualTo(1);
  }

  @Test
  void sequenceLostWhileWaitersRemain_aNewJoinStillGoesToTheBack() {
    List<WaiterId> waiting = IntStream.range(0, 3).mapToObj(i -> join(line)).toList();
    admin.onOwner(keys.sequence(), n -> n.del(keys.sequence()));

    Joined next = line.join(anonymous(event), 0, at(1));

    assertThat(next.standing().waiter().sequence()).isEqualTo(4);
    assertThat(next.standing().position()).isEqualTo(4);
    assertThat(line.locate(event, waiting.get(0), at(2)).position()).isEqualTo(1);
  }

  @Test
  void eventLostFromTheActiveEventIndex_isNotedAgainByTheNextHeartbeat() {
    WaiterId id = join(line);
    admin.onOwner(RedisKeys.ACTIVE_EVENTS, n -> n.zrem(RedisKeys.ACTIVE_EVENTS, event.value()));
    assertThat(line.activeEvents()).doesNotContain(event);

    line.touch(event, List.of(id), at(1));

    assertThat(line.activeEvents()).containsExactly(event);
    assertThat(line.reap(event, at(2), 10, Duration.ofSeconds(60), at(3))).isEqualTo(1);
  }

  @Test
  void deleteOverItsBudget_answersAtOnce_andRefusesJoinsUntilTheEraseEnds() {
    try (RedisStores slow = erasingInSmallSteps()) {
      QueueStore small = slow.store();
      List<WaiterId> ids = manyWaiters(small.line(), 2_000);
      Admission admission = small.ledger().admit(openAttempt(event, ids.get(1)), at(1));
      small.ledger().consume(event, admission.id(), admission.expiresAt(), at(2)); // a marker
      small.line().reap(event, at(1), 1, Duration.ofSeconds(60), at(3)); // a tombstone

      small.line().deleteEvent(event);

      assertThatThrownBy(() -> join(small.line())).isInstanceOf(EventPaused.class);
      Await.until(
          ERASE_LIMIT,
          "every key of the event erased",
          () -> admin.allKeys().stream().noneMatch(k -> k.contains("{" + event.value() + "}")));
      assertThat(small.line().activeEvents()).doesNotContain(event);
      Joined fresh = small.line().join(anonymous(event), 0, at(4));
      assertThat(fresh.standing().position()).isEqualTo(1);
      assertThat(small.line().stats(event, at(4)).joined()).isEqualTo(1);
    }
  }

  @Test
  void joinsDuringABackgroundDelete_leaveEveryWaiterWholeAndNoOrphanKey() {
    try (RedisStores slow = erasingInSmallSteps()) {
      WaitingLine on = slow.store().line();
      manyWaiters(on, 2_000);

      List<Concurrently.Outcome<WaiterId>> outcomes =
          Concurrently.run(
              8,
              401,
              i -> {
                if (i == 0) {
                  on.deleteEvent(event);
                  return null;
                }
                return join(on);
              });
      Await.until(ERASE_LIMIT, "the erase fence gone", () -> !exists(keys.erasing()));

      assertThat(outcomes)
          .allSatisfy(
              o -> assertThat(o.succeeded() || o.failure() instanceof EventPaused).isTrue());
      assertThat(outcomes).anyMatch(o -> o.failure() instanceof EventPaused);
      Set<String> hashes = waiterHashIds();
      Set<String> indexed = members(keys.position());
      assertThat(indexed).isEqualTo(hashes);
      assertThat(members(keys.heartbeat())).isEqualTo(hashes);
      assertThat(members(keys.legacy())).isEqualTo(hashes);
      assertThat(on.stats(event, at(5)).waiting()).isEqualTo(hashes.size());
      assertThat(on.stats(event, at(5)).joined()).isEqualTo(hashes.size());
    }
  }

  /** A store whose deletes work a step of 20 waiters inside the request, the rest behind it. */
  private RedisStores erasingInSmallSteps() {
    return RedisStores.connect(
        SharedRedisStores.settings(mode()),
        CommandTimer.NONE,
        Housekeeping.DEFAULTS.withEraseBatch(20).withEraseBudget(Duration.ZERO));
  }

  private List<WaiterId> manyWaiters(WaitingLine on, int count) {
    return Concurrently.values(Concurrently.run(8, count, i -> join(on)));
  }

  private Set<String> waiterHashIds() {
    return admin.allKeys().stream()
        .filter(k -> k.startsWith(keys.waiterPrefix()))
        .map(k -> k.substring(keys.waiterPrefix().length()))
        .collect(Collectors.toSet());
  }

  private Set<String> members(String zset) {
    return new HashSet<>(admin.onOwner(zset, n -> n.zrange(zset, 0, -1)));
  }
}
