package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.OPEN_LIMITER;
import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.attempt;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.newIdentity;
import static io.queuegate.domain.port.out.StoreFixtures.withIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.log.LogVerifier;
import io.queuegate.domain.log.Verdict;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.service.LogCheckpoints;
import io.queuegate.domain.service.ReadLogService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must log (docs/design.md#log): each join, the opening, each admission, leave and
 * expiry, in the order the store made them, numbered from 1, in the same step as the change; a
 * repeat join logs nothing new; the log goes with the event. A log so written passes the verifier.
 */
public abstract class AdmissionLogContract {
  private QueueStore store;
  private EventId event;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    event = newEventId();
  }

  private Joined joinPre(ShuffleKey key, int second) {
    WaiterId id = WaiterId.random();
    EntrantId entrant = EntrantId.of(id);
    long score = key.scorer().orderScore(entrant);
    NewWaiter waiter =
        new NewWaiter(
            event,
            id,
            Optional.empty(),
            Optional.empty(),
            Optional.of(new PreQueueEntry(entrant, OptionalLong.of(score))));
    return store.line().join(waiter, 0, at(second));
  }

  private List<LogRecord> all() {
    return store.log().read(event, 0, 1_000);
  }

  @Test
  void everyChangeIsLoggedInOrder_andTheWholeLogVerifies() {
    store.policies().save(event, QueuePolicy.defaults());
    ShuffleSeed seed = ShuffleSeed.random();
    store.preQueue().seal(event, seed);
    store.preQueue().setPublicValue(event, "draw | 7");
    ShuffleKey key = ShuffleKey.of(seed, Optional.of("draw | 7"));
    Joined a = joinPre(key, 0);
    Joined b = joinPre(key, 1);
    Joined c = joinPre(key, 2);
    store.line().leave(event, c.standing().waiter().id(), at(3));
    store.preQueue().open(event, at(4));
    Joined late = store.line().join(anonymous(event), 0, at(5));
    Joined silent = store.line().join(anonymous(event), 0, at(6));
    store
        .line()
        .touch(event, List.of(a.standing().waiter().id(), late.standing().waiter().id()), at(20));
    store.line().touch(event, List.of(b.standing().waiter().id()), at(20));
    WaiterId head =
        store.line().locate(event, a.standing().waiter().id(), at(21)).position() == 1
            ? a.standing().waiter().id()
            : b.standing().waiter().id();
    store
        .ledger()
        .admit(attempt(event, head, 3, false, OPEN_LIMITER, 0, Duration.ofMinutes(1)), at(22));
    assertThat(store.line().reap(event, at(10), 10, Duration.ofMinutes(1), at(23))).isEqualTo(1);

    List<LogRecord> log = all();
    assertThat(log).extracting(LogRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(log.get(0))
        .isEqualTo(new LogRecord.Join(1, at(0), EntrantId.of(a.standing().waiter().id()), true));
    assertThat(a.logSeq()).isEqualTo(1);
    assertThat(late.logSeq()).isEqualTo(6);
    assertThat(log.get(3))
        .isEqualTo(new LogRecord.Leave(4, at(3), EntrantId.of(c.standing().waiter().id())));
    assertThat(log.get(4))
        .isEqualTo(new LogRecord.Opening(5, at(4), 2, seed, key, Optional.of("draw | 7")));
    assertThat(log.get(5))
        .isEqualTo(
            new LogRecord.Join(6, at(5), EntrantId.of(late.standing().waiter().id()), false));
    assertThat(log.get(7)).isEqualTo(new LogRecord.Admission(8, at(22), EntrantId.of(head), 1, 3));
    assertThat(log.get(8))
        .isEqualTo(new LogRecord.Expiry(9, at(23), EntrantId.of(silent.standing().waiter().id())));

    LogPage page = new ReadLogService(store.log(), new LogCheckpoints(4, 10)).read(event, 0, 100);
    Verdict verdict =
        new LogVerifier(event, Optional.of(seed.commitment()), Optional.of(3L))
            .verify(page.records(), Optional.empty());
    assertThat(verdict.findings()).isEmpty();
  }

  @Test
  void aRepeatJoinKeepsItsFirstRecord() {
    Identity identity = newIdentity();
    Joined first = store.line().join(withIdentity(event, identity), 0, at(0));
    Joined again = store.line().join(withIdentity(event, identity), 0, at(1));

    assertThat(again.existing()).isTrue();
    assertThat(again.logSeq()).isEqualTo(first.logSeq()).isEqualTo(1);
    assertThat(all()).hasSize(1);
  }

  @Test
  void pagesReadAfterARecord_andALeaveOfSomeoneGoneLogsNothing() {
    for (int i = 0; i < 5; i++) {
      store.line().join(anonymous(event), 0, at(i));
    }
    assertThat(store.line().leave(event, WaiterId.random(), at(6))).isFalse();

    assertThat(store.log().read(event, 2, 2)).extracting(LogRecord::seq).containsExactly(3L, 4L);
    assertThat(store.log().read(event, 4, 10)).extracting(LogRecord::seq).containsExactly(5L);
    assertThat(store.log().read(event, 5, 10)).isEmpty();
    assertThat(store.log().read(newEventId(), 0, 10)).isEmpty();
  }

  @Test
  void theLogGoesWithTheEvent() {
    store.line().join(anonymous(event), 0, at(0));
    store.line().deleteEvent(event);

    assertThat(all()).isEmpty();
    store.line().join(anonymous(event), 0, at(1));
    assertThat(all()).extracting(LogRecord::seq).containsExactly(1L);
  }
}
