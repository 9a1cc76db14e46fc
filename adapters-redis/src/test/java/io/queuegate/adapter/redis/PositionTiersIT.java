package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.mirror.FeedEntry;
import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.mirror.Place;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.WaitingLine;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three position tiers, with the index and the per-waiter keys deleted behind the store. */
@ExtendWith(RedisExtension.class)
abstract class PositionTiersIT {
  private QueueStore store;
  private WaitingLine line;
  private RedisAdmin admin;
  private EventId event;
  private RedisKeys keys;
  private List<WaiterId> waiters;

  protected abstract RedisSettings.Mode mode();

  @BeforeEach
  void fiveWaiters() {
    store = SharedRedisStores.fresh(mode());
    admin = SharedRedisStores.admin(mode());
    line = store.line();
    event = newEventId();
    keys = new RedisKeys(event);
    waiters =
        IntStream.range(0, 5)
            .mapToObj(i -> line.join(anonymous(event), 0, at(i)).standing().waiter().id())
            .toList();
  }

  @Test
  void locateWithTheIndexLost_scansForTheExactPositionAndRebuildsTheIndex() {
    admin.onOwner(keys.position(), n -> n.del(keys.position()));

    WaiterStanding standing = line.locate(event, waiters.get(3), at(10));

    assertThat(standing.position()).isEqualTo(4);
    assertThat(standing.method()).isEqualTo(PositionMethods.SCAN);
    Long indexed = admin.onOwner(keys.position(), n -> n.zcard(keys.position()));
    assertThat(indexed).isEqualTo(5);
    WaiterStanding after = line.locate(event, waiters.get(1), at(11));
    assertThat(after.method()).isEqualTo(PositionMethods.INDEX);
    assertThat(after.position()).isEqualTo(2);
  }

  @Test
  void rebuildingTheIndex_writesEachWaiterPutBackToTheFeed_asOneEntry() {
    long before = store.feed().head(event).version();
    admin.onOwner(keys.position(), n -> n.del(keys.position()));

    line.locate(event, waiters.get(3), at(10));

    List<FeedEntry> entries = store.feed().read(event, before, 10).entries();
    assertThat(entries).hasSize(1);
    assertThat(entries.getFirst().changes())
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, 5).mapToObj(LineChange.Joined::new).toList());
    assertThat(store.feed().page(event, 0, 10).sequences()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void leaveOfAWaiterWhoseHashWasLost_stillWritesItsLeaveFromTheIndex() {
    WaiterId lost = waiters.get(2);
    admin.onOwner(keys.waiter(lost), n -> n.del(keys.waiter(lost)));
    admin.onOwner(keys.heartbeat(), n -> n.zrem(keys.heartbeat(), lost.value()));
    long before = store.feed().head(event).version();

    line.leave(event, lost, at(10));

    assertThat(store.feed().read(event, before, 10).entries())
        .singleElement()
        .satisfies(
            e -> assertThat(e.changes()).containsExactly(new LineChange.Left(Place.line(3))));
    assertThat(store.feed().page(event, 0, 10).sequences()).containsExactly(1, 2, 4, 5);
  }

  @Test
  void admitWithTheIndexLost_admitsTheHeadAndTheLineMovesUp() {
    admin.onOwner(keys.position(), n -> n.del(keys.position()));
    store.ledger().admit(openAttempt(event, waiters.get(0)), at(10));

    WaiterStanding second = line.locate(event, waiters.get(1), at(11));

    assertThat(second.position()).isEqualTo(1);
  }

  @Test
  void locateWithIndexAndWaiterKeysLost_answersFromTheLegacyZset() {
    admin.onOwner(keys.position(), n -> n.del(keys.position()));
    waiters.forEach(id -> admin.onOwner(keys.waiter(id), n -> n.del(keys.waiter(id))));

    WaiterStanding standing = line.locate(event, waiters.get(2), at(10));

    assertThat(standing.position()).isEqualTo(3);
    assertThat(standing.method()).isEqualTo(PositionMethods.LEGACY);
    assertThat(standing.waiter().sequence()).isEqualTo(3);
  }

  @Test
  void preQueueEntrantKnownOnlyByTheLegacyZset_cannotEnterBeforeTheOpening() {
    store.preQueue().seal(event, ShuffleSeed.random());
    WaiterId id = WaiterId.random();
    EntrantId entrant = EntrantId.of(id);
    line.join(
        new NewWaiter(
            event,
            id,
            Optional.empty(),
            Optional.empty(),
            Optional.of(new PreQueueEntry(entrant, OptionalLong.of(1)))),
        0,
        at(10));
    admin.onOwner(keys.waiter(id), n -> n.del(keys.waiter(id)));

    // Its join order in the legacy set (6th) is within the window; the opening has not come.
    assertThatThrownBy(() -> store.ledger().admit(openAttempt(event, id), at(11)))
        .isInstanceOfSatisfying(
            NotReady.class, e -> assertThat(e.reason()).isEqualTo(NotReady.Reason.NOT_OPEN));
    store.preQueue().open(event, at(12));
    assertThat(store.ledger().admit(openAttempt(event, id), at(13)).waiter().sequence())
        .isEqualTo(6);
  }

  @Test
  void deleteEvent_leavesNoKeyOfTheEventAndDropsItFromActiveEvents() {
    store.ledger().admit(openAttempt(event, waiters.get(0)), at(10));
    store.policies().save(event, io.queuegate.domain.model.QueuePolicy.defaults());
    line.reap(event, at(3), 10, java.time.Duration.ofSeconds(300), at(20));
    EventId other = newEventId();
    line.join(anonymous(other), 0, at(20));

    line.deleteEvent(event);

    assertThat(admin.allKeys()).noneMatch(k -> k.contains("{" + event.value() + "}"));
    assertThat(admin.allKeys()).anyMatch(k -> k.contains("{" + other.value() + "}"));
    assertThat(line.activeEvents()).containsExactly(other);
  }
}
