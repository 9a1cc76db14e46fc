package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.newIdentity;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static io.queuegate.domain.port.out.StoreFixtures.policyWithReadyWindow;
import static io.queuegate.domain.port.out.StoreFixtures.withIdentity;
import static io.queuegate.domain.port.out.StoreFixtures.withUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WaitingLine} must do: FIFO positions from per-event sequences, one place per
 * identity, capacity, read-only locate, heartbeats, leaving, reaping, stats and deleting an event.
 */
public abstract class WaitingLineContract {
  private static final Duration REMEMBER = Duration.ofSeconds(300);

  private QueueStore store;
  private WaitingLine line;
  private EventId event;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    line = store.line();
    event = newEventId();
  }

  private WaiterId join(NewWaiter newWaiter, Instant now) {
    return line.join(newWaiter, 0, now).standing().waiter().id();
  }

  private WaiterId join(Instant now) {
    return join(anonymous(event), now);
  }

  private long position(WaiterId id, Instant now) {
    return line.locate(event, id, now).position();
  }

  // --- join -----------------------------------------------------------------------------------

  @Test
  void everyReportedPositionMethod_isOneTheLineDeclares() {
    WaiterId id = join(at(0));

    assertThat(line.positionMethods())
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .contains(line.locate(event, id, at(1)).method());
  }

  @Test
  void firstJoin_getsSequenceOneAndPositionOne() {
    NewWaiter newWaiter = withUser(event, "alice");

    Joined joined = line.join(newWaiter, 0, at(7));

    Waiter waiter = joined.standing().waiter();
    assertThat(joined.existing()).isFalse();
    assertThat(joined.standing().position()).isEqualTo(1);
    assertThat(waiter.sequence()).isEqualTo(1);
    assertThat(waiter.id()).isEqualTo(newWaiter.id());
    assertThat(waiter.eventId()).isEqualTo(event);
    assertThat(waiter.userId()).contains(new UserId("alice"));
    assertThat(waiter.identity()).isEmpty();
    assertThat(waiter.joinedAt()).isEqualTo(at(7));
  }

  @Test
  void laterJoins_getStrictlyIncreasingSequencesAndTheNextPositions() {
    List<Joined> joins =
        IntStream.range(0, 5).mapToObj(i -> line.join(anonymous(event), 0, at(i))).toList();

    assertThat(joins).extracting(j -> j.standing().position()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(joins)
        .extracting(j -> j.standing().waiter().sequence())
        .startsWith(1L)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(joins).extracting(Joined::existing).containsOnly(false);
  }

  @Test
  void joinsToAnotherEvent_countTheirOwnSequenceAndPositions() {
    join(at(0));
    join(at(1));
    EventId other = newEventId();

    Joined first = line.join(anonymous(other), 0, at(2));

    assertThat(first.standing().waiter().sequence()).isEqualTo(1);
    assertThat(first.standing().position()).isEqualTo(1);
  }

  @Test
  void joinWithIdentityThatHoldsAPlace_returnsThatPlaceAtItsCurrentPosition() {
    Identity person = newIdentity();
    WaiterId ahead = join(at(0));
    Joined first = line.join(withIdentity(event, person), 0, at(1));
    join(at(2));
    line.leave(event, ahead, at(3));

    Joined again = line.join(withIdentity(event, person), 0, at(4));

    assertThat(again.existing()).isTrue();
    assertThat(again.standing().waiter()).isEqualTo(first.standing().waiter());
    assertThat(again.standing().position()).isEqualTo(1);
    EventStats stats = line.stats(event, at(4));
    assertThat(stats.waiting()).isEqualTo(2);
    assertThat(stats.joined()).isEqualTo(3);
  }

  @Test
  void repeatJoinOfAnIdentity_countsAsHeartbeat() {
    Identity person = newIdentity();
    WaiterId id = join(withIdentity(event, person), at(0));

    line.join(withIdentity(event, person), 0, at(100));

    assertThat(line.reap(event, at(50), 10, REMEMBER, at(120))).isZero();
    assertThat(position(id, at(120))).isEqualTo(1);
  }

  @Test
  void sameIdentityInAnotherEvent_getsASeparatePlace() {
    Identity person = newIdentity();
    WaiterId here = join(withIdentity(event, person), at(0));
    EventId other = newEventId();

    Joined there = line.join(withIdentity(other, person), 0, at(1));

    assertThat(there.existing()).isFalse();
    assertThat(there.standing().waiter().id()).isNotEqualTo(here);
    assertThat(there.standing().waiter().eventId()).isEqualTo(other);
    assertThat(position(here, at(1))).isEqualTo(1);
  }

  @Test
  void joinsWithTheSameUserIdAndNoIdentity_eachGetTheirOwnPlace() {
    List<Joined> joins =
        IntStream.range(0, 3)
            .mapToObj(i -> line.join(withUser(event, "anonymous"), 0, at(i)))
            .toList();

    assertThat(joins).extracting(Joined::existing).containsOnly(false);
    assertThat(joins).extracting(j -> j.standing().waiter().id()).doesNotHaveDuplicates();
    assertThat(joins).extracting(j -> j.standing().position()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void joinAtMaxWaiting_throwsQueueFullAndAddsNobody() {
    line.join(anonymous(event), 2, at(0));
    line.join(anonymous(event), 2, at(1));

    assertThatThrownBy(() -> line.join(anonymous(event), 2, at(2))).isInstanceOf(QueueFull.class);

    EventStats stats = line.stats(event, at(2));
    assertThat(stats.waiting()).isEqualTo(2);
    assertThat(stats.joined()).isEqualTo(2);
  }

  @Test
  void joinAtMaxWaitingAfterSomeoneLeft_succeedsAtTheBack() {
    WaiterId first = line.join(anonymous(event), 2, at(0)).standing().waiter().id();
    line.join(anonymous(event), 2, at(1));
    line.leave(event, first, at(2));

    Joined joined = line.join(anonymous(event), 2, at(3));

    assertThat(joined.standing().position()).isEqualTo(2);
  }

  @Test
  void repeatJoinOfAnIdentityAtMaxWaiting_stillReturnsItsPlace() {
    Identity person = newIdentity();
    WaiterId id = line.join(withIdentity(event, person), 1, at(0)).standing().waiter().id();

    Joined again = line.join(withIdentity(event, person), 1, at(1));

    assertThat(again.existing()).isTrue();
    assertThat(again.standing().waiter().id()).isEqualTo(id);
  }

  // --- locate ---------------------------------------------------------------------------------

  @Test
  void locateOfAnUnknownWaiter_throwsWaiterNotFound() {
    join(at(0));

    assertThatThrownBy(() -> line.locate(event, WaiterId.random(), at(1)))
        .isInstanceOf(WaiterNotFound.class);
    assertThatThrownBy(() -> line.locate(newEventId(), WaiterId.random(), at(1)))
        .isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void locate_returnsTheWaiterAsJoined() {
    NewWaiter newWaiter = withUser(event, "bob");
    Joined joined = line.join(newWaiter, 0, at(3));

    assertThat(line.locate(event, newWaiter.id(), at(9))).isEqualTo(joined.standing());
  }

  @Test
  void locate_doesNotRenewTheHeartbeat() {
    WaiterId id = join(at(0));

    line.locate(event, id, at(100));

    assertThat(line.reap(event, at(50), 10, REMEMBER, at(120))).isEqualTo(1);
  }

  @Test
  void positionsBehind_dropByExactlyOne_whenSomeoneAheadLeavesEntersOrExpires() {
    List<WaiterId> w = IntStream.range(0, 6).mapToObj(i -> join(at(i))).toList();
    line.touch(event, List.of(w.get(0), w.get(2), w.get(3), w.get(4), w.get(5)), at(100));
    assertThat(position(w.get(4), at(100))).isEqualTo(5);

    line.leave(event, w.get(0), at(101));
    assertThat(position(w.get(4), at(101))).isEqualTo(4);

    assertThat(line.reap(event, at(50), 10, REMEMBER, at(102))).isEqualTo(1); // w1 was silent
    assertThat(position(w.get(4), at(102))).isEqualTo(3);

    store.ledger().admit(openAttempt(event, w.get(2)), at(103));
    assertThat(position(w.get(4), at(103))).isEqualTo(2);
    assertThat(position(w.get(3), at(103))).isEqualTo(1);

    line.leave(event, w.get(5), at(104)); // behind: changes nothing ahead
    assertThat(position(w.get(3), at(104))).isEqualTo(1);
    assertThat(position(w.get(4), at(104))).isEqualTo(2);
  }

  // --- touch ----------------------------------------------------------------------------------

  @Test
  void touch_renewsTheHeartbeatToNow() {
    WaiterId id = join(at(0));

    line.touch(event, List.of(id), at(100));

    assertThat(line.reap(event, at(50), 10, REMEMBER, at(120))).isZero();
    assertThat(line.reap(event, at(100), 10, REMEMBER, at(120))).isZero();
    assertThat(line.reap(event, at(101), 10, REMEMBER, at(120))).isEqualTo(1);
  }

  @Test
  void touchAtAnEarlierInstant_neverMovesTheHeartbeatBack() {
    WaiterId id = join(at(0));
    line.touch(event, List.of(id), at(100));

    line.touch(event, List.of(id), at(40)); // an instance whose clock lags

    assertThat(line.reap(event, at(50), 10, REMEMBER, at(120))).isZero();
    assertThat(position(id, at(120))).isEqualTo(1);
  }

  @Test
  void repeatJoinAtAnEarlierInstant_neverMovesTheHeartbeatBack() {
    Identity person = newIdentity();
    WaiterId id = join(withIdentity(event, person), at(0));
    line.touch(event, List.of(id), at(100));

    line.join(withIdentity(event, person), 0, at(40));

    assertThat(line.reap(event, at(50), 10, REMEMBER, at(120))).isZero();
  }

  @Test
  void touchWithUnknownIds_ignoresThemAndRenewsTheKnownOnes() {
    WaiterId known = join(at(0));
    WaiterId unknown = WaiterId.random();

    line.touch(event, List.of(unknown, known), at(100));

    assertThat(line.stats(event, at(100)).waiting()).isEqualTo(1);
    assertThatThrownBy(() -> line.locate(event, unknown, at(100)))
        .isInstanceOf(WaiterNotFound.class);
    assertThat(line.reap(event, at(50), 10, REMEMBER, at(120))).isZero();
  }

  @Test
  void touchOfMoreWaitersThanAnyBatch_renewsEveryOne() {
    List<WaiterId> many = IntStream.range(0, 1_234).mapToObj(i -> join(at(0))).toList();

    line.touch(event, many, at(100));

    assertThat(line.reap(event, at(50), 2_000, REMEMBER, at(120))).isZero();
    assertThat(line.reap(event, at(101), 2_000, REMEMBER, at(120))).isEqualTo(1_234);
  }

  @Test
  void touchOfAWaiterWhoLeft_doesNotBringItBack() {
    WaiterId id = join(at(0));
    line.leave(event, id, at(1));

    line.touch(event, List.of(id), at(2));

    assertThatThrownBy(() -> line.locate(event, id, at(3))).isInstanceOf(WaiterNotFound.class);
    assertThat(line.stats(event, at(3)).waiting()).isZero();
  }

  // --- leave ----------------------------------------------------------------------------------

  @Test
  void leave_isTrueTheFirstTimeAndFalseAfter() {
    WaiterId id = join(at(0));

    assertThat(line.leave(event, id, at(1))).isTrue();
    assertThat(line.leave(event, id, at(2))).isFalse();
    assertThat(line.leave(event, WaiterId.random(), at(2))).isFalse();
    assertThatThrownBy(() -> line.locate(event, id, at(3))).isInstanceOf(WaiterNotFound.class);
    assertThat(line.stats(event, at(3)).left()).isEqualTo(1);
  }

  @Test
  void leave_freesTheIdentity_soTheNextJoinGoesToTheBack() {
    Identity person = newIdentity();
    WaiterId first = join(withIdentity(event, person), at(0));
    join(at(1));
    line.leave(event, first, at(2));

    Joined again = line.join(withIdentity(event, person), 0, at(3));

    assertThat(again.existing()).isFalse();
    assertThat(again.standing().waiter().id()).isNotEqualTo(first);
    assertThat(again.standing().position()).isEqualTo(2);
  }

  // --- reap -----------------------------------------------------------------------------------

  @Test
  void reap_removesOnlySilentWaiters_atMostLimitPerCall() {
    for (int i = 0; i < 5; i++) {
      join(at(i));
    }
    WaiterId fresh1 = join(at(100));
    WaiterId fresh2 = join(at(100));

    assertThat(line.reap(event, at(50), 3, REMEMBER, at(200))).isEqualTo(3);
    assertThat(line.reap(event, at(50), 3, REMEMBER, at(200))).isEqualTo(2);
    assertThat(line.reap(event, at(50), 3, REMEMBER, at(200))).isZero();

    assertThat(position(fresh1, at(200))).isEqualTo(1);
    assertThat(position(fresh2, at(200))).isEqualTo(2);
    EventStats stats = line.stats(event, at(200));
    assertThat(stats.expired()).isEqualTo(5);
    assertThat(stats.waiting()).isEqualTo(2);
  }

  @Test
  void reap_keepsAWaiterLastSeenExactlyAtSilentSince() {
    WaiterId id = join(at(50));

    assertThat(line.reap(event, at(50), 10, REMEMBER, at(60))).isZero();
    assertThat(position(id, at(60))).isEqualTo(1);
  }

  @Test
  void reapedWaiter_isExpiredWhileRememberedAndNotFoundAfter() {
    WaiterId id = join(at(0));
    line.reap(event, at(100), 10, REMEMBER, at(200));

    assertThatThrownBy(() -> line.locate(event, id, at(200))).isInstanceOf(WaiterExpired.class);
    assertThatThrownBy(() -> line.locate(event, id, at(499))).isInstanceOf(WaiterExpired.class);
    assertThatThrownBy(() -> line.locate(event, id, at(500))).isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void reap_freesTheIdentity() {
    Identity person = newIdentity();
    WaiterId first = join(withIdentity(event, person), at(0));
    line.reap(event, at(100), 10, REMEMBER, at(200));

    Joined again = line.join(withIdentity(event, person), 0, at(201));

    assertThat(again.existing()).isFalse();
    assertThat(again.standing().waiter().id()).isNotEqualTo(first);
  }

  // --- active events and stats ----------------------------------------------------------------

  @Test
  void activeEvents_areExactlyTheEventsWithWaiters() {
    EventId other = newEventId();
    assertThat(line.activeEvents()).isEmpty();
    WaiterId here = join(at(0));
    join(anonymous(other), at(1));

    assertThat(line.activeEvents()).containsExactlyInAnyOrder(event, other);

    line.leave(event, here, at(2));
    assertThat(line.activeEvents()).containsExactly(other);

    line.reap(other, at(100), 10, REMEMBER, at(200));
    assertThat(line.activeEvents()).isEmpty();
  }

  @Test
  void statsOfAnUnknownEvent_areAllZero() {
    assertThat(line.stats(newEventId(), at(0)))
        .isEqualTo(new EventStats(0, 0, 0, 0, 0, 0, Optional.empty()));
  }

  @Test
  void statsAfterMixedChanges_addUp() {
    Identity person = newIdentity();
    List<WaiterId> w = IntStream.range(0, 5).mapToObj(i -> join(at(i))).toList();
    WaiterId vouched = join(withIdentity(event, person), at(5));
    line.join(withIdentity(event, person), 0, at(6)); // a repeat is not a new join
    line.touch(event, List.of(w.get(0), w.get(1), w.get(2), vouched), at(100));
    line.leave(event, w.get(0), at(101));
    store.ledger().admit(openAttempt(event, w.get(1)), at(102));
    line.reap(event, at(50), 10, REMEMBER, at(103)); // w3 and w4 were silent

    EventStats stats = line.stats(event, at(104));

    assertThat(stats.joined()).isEqualTo(6);
    assertThat(stats.waiting()).isEqualTo(2);
    assertThat(stats.admitted()).isEqualTo(1);
    assertThat(stats.left()).isEqualTo(1);
    assertThat(stats.expired()).isEqualTo(2);
    assertThat(stats.liveAdmissions()).isEqualTo(1);
    assertThat(stats.joined())
        .isEqualTo(stats.waiting() + stats.admitted() + stats.left() + stats.expired());
    assertThat(stats.oldestJoinedAt()).contains(at(2));
  }

  @Test
  void oldestJoinedAt_followsTheHeadOfTheLine() {
    WaiterId head = join(at(10));
    join(at(20));

    assertThat(line.stats(event, at(30)).oldestJoinedAt()).contains(at(10));
    line.leave(event, head, at(31));
    assertThat(line.stats(event, at(32)).oldestJoinedAt()).contains(at(20));
  }

  @Test
  void liveAdmissions_countThoseNeitherExpiredNorConsumed() {
    WaiterId a = join(at(0));
    WaiterId b = join(at(0));
    var first = store.ledger().admit(openAttempt(event, a), at(10)); // ttl 60 s
    store.ledger().admit(openAttempt(event, b), at(20));
    assertThat(line.stats(event, at(20)).liveAdmissions()).isEqualTo(2);

    store.ledger().consume(event, first.id(), first.expiresAt(), at(21));
    assertThat(line.stats(event, at(21)).liveAdmissions()).isEqualTo(1);

    assertThat(line.stats(event, at(79)).liveAdmissions()).isEqualTo(1);
    assertThat(line.stats(event, at(80)).liveAdmissions()).isZero();
    assertThat(line.stats(event, at(80)).admitted()).isEqualTo(2);
  }

  // --- deleteEvent ----------------------------------------------------------------------------

  @Test
  void deleteEvent_removesEveryTraceOfThatEventOnly() {
    EventId other = newEventId();
    WaiterId staying = join(at(0));
    WaiterId admitted = join(at(1));
    store.ledger().admit(openAttempt(event, admitted), at(2));
    WaiterId elsewhere = join(anonymous(other), at(3));
    store.policies().save(event, policyWithReadyWindow(7));
    store.policies().save(other, policyWithReadyWindow(8));

    line.deleteEvent(event);

    assertThatThrownBy(() -> line.locate(event, staying, at(4))).isInstanceOf(WaiterNotFound.class);
    assertThat(line.stats(event, at(4)))
        .isEqualTo(new EventStats(0, 0, 0, 0, 0, 0, Optional.empty()));
    assertThat(line.activeEvents()).containsExactly(other);
    assertThat(store.policies().find(event)).isEmpty();
    assertThat(store.ledger().recentAdmissions(event, at(4)).last900s()).isZero();
    assertThat(position(elsewhere, other, at(4))).isEqualTo(1);
    assertThat(line.stats(other, at(4)).joined()).isEqualTo(1);
    assertThat(store.policies().find(other)).contains(policyWithReadyWindow(8));
  }

  @Test
  void joinAfterDeleteEvent_startsAFreshLine() {
    join(at(0));
    join(at(1));
    line.deleteEvent(event);

    Joined joined = line.join(anonymous(event), 0, at(2));

    assertThat(joined.standing().position()).isEqualTo(1);
    assertThat(line.stats(event, at(2)).joined()).isEqualTo(1);
  }

  private long position(WaiterId id, EventId eventId, Instant now) {
    return line.locate(eventId, id, now).position();
  }

  // --- concurrency ----------------------------------------------------------------------------

  @Test
  void concurrentJoins_getEveryPositionFromOneToNExactlyOnce() {
    int joins = 500;

    List<Joined> joined =
        Concurrently.values(
            Concurrently.run(16, joins, i -> line.join(anonymous(event), 0, at(1))));

    assertThat(joined)
        .extracting(j -> j.standing().position())
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, joins).boxed().toList());
    assertThat(joined).extracting(j -> j.standing().waiter().sequence()).doesNotHaveDuplicates();
    for (Joined j : joined) {
      Waiter waiter = j.standing().waiter();
      assertThat(position(waiter.id(), at(2))).isEqualTo(j.standing().position());
    }
    assertThat(line.stats(event, at(2)).waiting()).isEqualTo(joins);
  }

  @Test
  void concurrentJoinsOfOneIdentity_makeExactlyOnePlace() {
    Identity person = newIdentity();

    List<Joined> joined =
        Concurrently.values(
            Concurrently.run(16, 64, i -> line.join(withIdentity(event, person), 0, at(1))));

    assertThat(joined).filteredOn(j -> !j.existing()).hasSize(1);
    assertThat(joined)
        .extracting(j -> j.standing().waiter().id())
        .containsOnly(joined.get(0).standing().waiter().id());
    assertThat(line.stats(event, at(2)).waiting()).isEqualTo(1);
  }

  @Test
  void concurrentReaps_removeEachSilentWaiterExactlyOnce() {
    int silent = 200;
    for (int i = 0; i < silent; i++) {
      join(at(0));
    }
    for (int i = 0; i < 20; i++) {
      join(at(100));
    }

    List<Integer> removed =
        Concurrently.values(
            Concurrently.run(16, 40, i -> line.reap(event, at(50), 25, REMEMBER, at(150))));

    assertThat(removed).allSatisfy(n -> assertThat(n).isBetween(0, 25));
    assertThat(removed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(silent);
    EventStats stats = line.stats(event, at(150));
    assertThat(stats.expired()).isEqualTo(silent);
    assertThat(stats.waiting()).isEqualTo(20);
  }

  @Test
  void joinsDuringDeleteEvent_areWhollyGoneOrWhollyInTheNextLine() {
    List<WaiterId> before = IntStream.range(0, 2_000).mapToObj(i -> join(at(0))).toList();

    List<Concurrently.Outcome<WaiterId>> outcomes =
        Concurrently.run(
            8,
            401,
            i -> {
              if (i == 0) {
                line.deleteEvent(event);
                return null;
              }
              return join(at(1));
            });
    WaiterId probe = joinOnceTaken(at(2)); // a store may finish the delete in the background

    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o.succeeded() || o.failure() instanceof EventPaused).isTrue());
    assertThat(before)
        .allSatisfy(
            id ->
                assertThatThrownBy(() -> line.locate(event, id, at(3)))
                    .isInstanceOf(WaiterNotFound.class));
    List<WaiterId> tried = new ArrayList<>();
    outcomes.stream().filter(o -> o.value() != null).forEach(o -> tried.add(o.value()));
    tried.add(probe);
    List<WaiterStanding> present = new ArrayList<>();
    for (WaiterId id : tried) {
      try {
        present.add(line.locate(event, id, at(3)));
      } catch (WaiterNotFound gone) {
        // joined before the delete took it: wholly gone
      }
    }
    present.sort(Comparator.comparingLong(s -> s.waiter().sequence()));
    assertThat(present)
        .extracting(WaiterStanding::position)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, present.size()).boxed().toList());
    EventStats stats = line.stats(event, at(3));
    assertThat(stats.waiting()).isEqualTo(present.size());
    assertThat(stats.joined()).isEqualTo(present.size());
    assertThat(line.activeEvents()).contains(event);
  }

  /** Joins once the store takes joins of the event again (within 10 s). */
  private WaiterId joinOnceTaken(Instant now) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return join(now);
      } catch (EventPaused stillDeleting) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError("joins still refused 10 s after deleteEvent", stillDeleting);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
  }

  @Test
  void concurrentLeavesOfOneWaiter_succeedExactlyOnce() {
    WaiterId id = join(at(0));
    join(at(0));

    List<Boolean> left =
        Concurrently.values(Concurrently.run(16, 64, i -> line.leave(event, id, at(1))));

    assertThat(left).filteredOn(Boolean::booleanValue).hasSize(1);
    assertThat(line.stats(event, at(2)).left()).isEqualTo(1);
  }
}
