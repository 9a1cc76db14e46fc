package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.Opening;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.ScoredEntrant;
import io.queuegate.domain.model.ShuffleLocked;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PreQueue} must do with {@link WaitingLine} (docs/design.md#pre-queue): a seed
 * sealed once, a public value set once and never after the opening, pre-queue joins told the
 * pre-queue's size, an opening refused while anyone is unscored, then entrants in score order ahead
 * of later joins.
 */
public abstract class PreQueueContract {
  private QueueStore store;
  private PreQueue pre;
  private EventId event;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    pre = store.preQueue();
    event = newEventId();
  }

  private WaiterStanding joinPre(long score, int second) {
    return joinPre(OptionalLong.of(score), second);
  }

  private WaiterStanding joinPre(OptionalLong score, int second) {
    WaiterId id = WaiterId.random();
    NewWaiter waiter =
        new NewWaiter(
            event,
            id,
            Optional.empty(),
            Optional.empty(),
            Optional.of(new PreQueueEntry(EntrantId.of(id), score)));
    return store.line().join(waiter, 0, at(second)).standing();
  }

  private long position(WaiterStanding standing, int second) {
    return store.line().locate(event, standing.waiter().id(), at(second)).position();
  }

  @Test
  void aSeedIsSealedOnce() {
    assertThat(pre.shuffle(event)).isEmpty();
    ShuffleSeed first = ShuffleSeed.random();

    assertThat(pre.seal(event, first).seed()).isEqualTo(first);
    assertThat(pre.seal(event, ShuffleSeed.random()).seed()).isEqualTo(first);
    assertThat(pre.shuffle(event)).contains(ShuffleState.sealed(first, Optional.empty()));
  }

  @Test
  void thePublicValueIsSetOnce_andNeverAfterTheOpening() {
    assertThatThrownBy(() -> pre.setPublicValue(event, "draw 1"))
        .isInstanceOf(ShuffleNotFound.class);
    pre.seal(event, ShuffleSeed.random());

    assertThat(pre.setPublicValue(event, "draw 1").publicValue()).contains("draw 1");
    assertThat(pre.setPublicValue(event, "draw 1").publicValue()).contains("draw 1");
    assertThatThrownBy(() -> pre.setPublicValue(event, "draw 2")).isInstanceOf(ShuffleLocked.class);
    pre.open(event, at(10));
    assertThatThrownBy(() -> pre.setPublicValue(event, "draw 1")).isInstanceOf(ShuffleLocked.class);
    assertThat(pre.shuffle(event).orElseThrow().openedAt()).contains(at(10));
  }

  @Test
  void beforeTheOpening_everyEntrantIsToldThePreQueuesSize_andMayNotEnter() {
    pre.seal(event, ShuffleSeed.random());
    WaiterStanding first = joinPre(5, 0);
    WaiterStanding second = joinPre(OptionalLong.empty(), 1);

    assertThat(first.inPreQueue()).isTrue();
    assertThat(first.position()).isEqualTo(1);
    assertThat(second.position()).isEqualTo(2);
    assertThat(store.line().locate(event, first.waiter().id(), at(2)))
        .satisfies(s -> assertThat(s.inPreQueue()).isTrue())
        .satisfies(s -> assertThat(s.position()).isEqualTo(2));
    assertThatThrownBy(() -> store.ledger().admit(openAttempt(event, first.waiter().id()), at(3)))
        .isInstanceOfSatisfying(
            NotReady.class, e -> assertThat(e.reason()).isEqualTo(NotReady.Reason.NOT_OPEN));
    assertThat(store.line().stats(event, at(3)).waiting()).isEqualTo(2);
  }

  @Test
  void theOpeningWaitsForEveryScore_thenOrdersByScoreAheadOfLaterJoins() {
    pre.seal(event, ShuffleSeed.random());
    WaiterStanding late = joinPre(900, 0);
    WaiterStanding unscored = joinPre(OptionalLong.empty(), 1);
    WaiterStanding early = joinPre(100, 2);

    assertThat(pre.unscored(event, 10)).containsExactly(entrant(unscored));
    assertThat(pre.open(event, at(5))).isEqualTo(Opening.unscored(1));
    pre.score(event, List.of(new ScoredEntrant(entrant(unscored), 500)));
    assertThat(pre.unscored(event, 10)).isEmpty();
    assertThat(pre.open(event, at(6))).isEqualTo(Opening.opened(at(6)));
    assertThat(pre.open(event, at(7))).isEqualTo(Opening.opened(at(6)));
    assertThat(pre.shuffle(event).orElseThrow().entrants()).isEqualTo(3);

    // A pre-queue join that reaches the store after the opening lines up first come.
    WaiterStanding after = joinPre(1, 8);
    assertThat(after.inPreQueue()).isFalse();
    assertThat(after.position()).isEqualTo(4);
    WaiterStanding fifo = store.line().join(anonymous(event), 0, at(9)).standing();
    assertThat(fifo.position()).isEqualTo(5);

    assertThat(position(early, 10)).isEqualTo(1);
    assertThat(position(unscored, 10)).isEqualTo(2);
    assertThat(position(late, 10)).isEqualTo(3);
    assertThat(store.line().locate(event, early.waiter().id(), at(10)).inPreQueue()).isFalse();

    store.ledger().admit(openAttempt(event, early.waiter().id()), at(11));
    store.line().leave(event, unscored.waiter().id(), at(11));
    assertThat(position(late, 12)).isEqualTo(1);
    assertThat(position(after, 12)).isEqualTo(2);
    assertThat(position(fifo, 12)).isEqualTo(3);
  }

  @Test
  void equalScoresStandByEntrantId() {
    pre.seal(event, ShuffleSeed.random());
    List<WaiterStanding> joined = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      joined.add(joinPre(42, i));
    }
    pre.open(event, at(10));

    List<WaiterStanding> byEntrant =
        joined.stream().sorted(Comparator.comparing(PreQueueContract::entrant)).toList();
    for (int i = 0; i < byEntrant.size(); i++) {
      assertThat(position(byEntrant.get(i), 11)).isEqualTo(i + 1);
    }
  }

  @Test
  void reapingAndLeavingTakeEntrantsOutOfThePreQueue() {
    pre.seal(event, ShuffleSeed.random());
    WaiterStanding gone = joinPre(OptionalLong.empty(), 0);
    WaiterStanding kept = joinPre(OptionalLong.empty(), 100);

    assertThat(store.line().reap(event, at(50), 10, Duration.ofSeconds(60), at(100))).isEqualTo(1);
    assertThat(pre.unscored(event, 10)).containsExactly(entrant(kept));
    assertThat(position(kept, 101)).isEqualTo(1);
    assertThat(store.line().leave(event, kept.waiter().id(), at(102))).isTrue();
    assertThat(pre.unscored(event, 10)).isEmpty();
    assertThat(pre.open(event, at(103))).isEqualTo(Opening.opened(at(103)));
    assertThat(gone.inPreQueue()).isTrue();
  }

  @Test
  void theShuffleGoesWithThePolicy_andWithTheEvent() {
    store.policies().save(event, QueuePolicy.defaults());
    pre.seal(event, ShuffleSeed.random());
    store.policies().delete(event);
    assertThat(pre.shuffle(event)).isEmpty();

    pre.seal(event, ShuffleSeed.random());
    joinPre(1, 0);
    store.line().deleteEvent(event);
    assertThat(pre.shuffle(event)).isEmpty();
    assertThat(store.line().stats(event, at(1)).waiting()).isZero();
  }

  private static EntrantId entrant(WaiterStanding standing) {
    return EntrantId.of(standing.waiter().id());
  }
}
