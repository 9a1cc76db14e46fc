package io.queuegate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.QueueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every piece of the in-memory store's memory goes away once nothing needs it. */
class InMemoryCleanupTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofSeconds(3_600);

  private final EventStates registry = new EventStates(RETENTION);
  private final QueueStore stores = InMemoryStores.create(registry);
  private final EventId event = new EventId("concert");
  private final EventId busy = new EventId("festival");

  private WaiterId join(EventId eventId, Instant now) {
    NewWaiter newWaiter =
        new NewWaiter(eventId, WaiterId.random(), Optional.empty(), Optional.empty());
    return stores.line().join(newWaiter, 0, now).standing().waiter().id();
  }

  /** Writes to another event; each write sweeps a few entries. */
  private void writeElsewhere(Instant now, int times) {
    for (int i = 0; i < times; i++) {
      stores.line().touch(busy, List.of(), now);
    }
  }

  @Test
  void callsAboutUnknownEvents_leaveNoTrace() {
    var line = stores.line();
    WaiterId nobody = WaiterId.random();
    line.leave(event, nobody, T0);
    line.touch(event, List.of(nobody), T0);
    line.reap(event, T0, 10, Duration.ofSeconds(60), T0);
    line.stats(event, T0);
    stores.ledger().recentAdmissions(event, T0);

    assertThat(registry.trackedEvents()).isZero();
  }

  @Test
  void eventWhoseLineEmptied_isDroppedOnceIdleForTheRetention() {
    join(busy, T0);
    stores.line().leave(event, join(event, T0), T0);

    writeElsewhere(T0.plus(RETENTION).minusSeconds(1), 4);
    assertThat(registry.trackedEvents()).isEqualTo(2);
    assertThat(stores.line().stats(event, T0).left()).isEqualTo(1);

    writeElsewhere(T0.plus(RETENTION), 4);
    assertThat(registry.trackedEvents()).isEqualTo(1);
    assertThat(stores.line().stats(event, T0).joined()).isZero();
  }

  @Test
  void tenThousandMadeUpEvents_leaveNoStateOnceReapedAndIdle() {
    Duration remember = Duration.ofSeconds(60);
    join(busy, T0);
    List<EventId> madeUp =
        IntStream.range(0, 10_000).mapToObj(i -> new EventId("made-up-" + i)).toList();
    madeUp.forEach(e -> join(e, T0));
    Instant reapedAt = T0.plusSeconds(1);
    madeUp.forEach(e -> stores.line().reap(e, reapedAt, 10, remember, reapedAt));
    assertThat(stores.line().activeEvents()).containsExactly(busy);

    writeElsewhere(reapedAt.plus(remember).plus(RETENTION), 10_000);

    assertThat(registry.trackedEvents()).isEqualTo(1);
    assertThat(stores.line().stats(madeUp.get(0), T0).joined()).isZero();
  }

  @Test
  void configuredEvent_keepsItsCountsUntilDeleted() {
    join(busy, T0);
    stores.policies().save(event, QueuePolicy.defaults());
    stores.line().leave(event, join(event, T0), T0);

    writeElsewhere(T0.plus(RETENTION).plus(RETENTION), 4);
    assertThat(stores.line().stats(event, T0).left()).isEqualTo(1);

    stores.line().deleteEvent(event);
    assertThat(registry.trackedEvents()).isEqualTo(1);
  }

  @Test
  void eventHoldingRecordsThatStillLive_staysUntilTheyLapse() {
    Duration remember = RETENTION.multipliedBy(2);
    join(busy, T0);
    join(event, T0);
    stores.line().reap(event, T0.plusSeconds(1), 10, remember, T0);
    Admission admission =
        stores
            .ledger()
            .admit(attempt(join(event, T0), new Gcra(1, 1), "adm-1", Duration.ofSeconds(600)), T0);
    stores.ledger().consume(event, admission.id(), admission.expiresAt(), T0);

    writeElsewhere(T0.plus(remember).minusSeconds(1), 4);
    assertThat(registry.trackedEvents()).isEqualTo(2);

    writeElsewhere(T0.plus(remember), 4);
    assertThat(registry.trackedEvents()).isEqualTo(1);
  }

  @Test
  void lapsedIdempotencyRecords_areSweptByLaterWrites() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    for (int i = 0; i < 100; i++) {
      store.begin("join:" + i, "fp", Duration.ofSeconds(30), T0);
    }
    store.complete("join:7", "fp", IdempotencyReply.stored("{}"), Duration.ofSeconds(60), T0);

    for (int i = 0; i < 200; i++) {
      store.begin("join:live", "fp", Duration.ofSeconds(30), T0.plusSeconds(60));
    }

    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void refilledRateLimitBuckets_areSweptByLaterRequests() {
    InMemoryRateLimitBuckets buckets = new InMemoryRateLimitBuckets();
    Gcra limit = new Gcra(1, 5);
    for (int i = 0; i < 100; i++) {
      buckets.acquire("ip:" + i, limit, T0);
    }

    for (int i = 0; i < 200; i++) {
      buckets.acquire("ip:live", limit, T0.plusSeconds(10).plusMillis(i));
    }

    assertThat(buckets.size()).isEqualTo(1);
  }

  @Test
  void longRunningLine_keepsItsIndexProportionalToTheWaiters() {
    Gcra open = new Gcra(1_000_000, 1_000_000);
    Deque<WaiterId> waiting = new ArrayDeque<>();
    for (int i = 0; i < 50_000; i++) {
      waiting.add(join(event, T0));
      if (waiting.size() > 5) {
        stores.ledger().admit(attempt(waiting.poll(), open, "adm-" + i, Duration.ofSeconds(1)), T0);
      }
    }

    int capacity = registry.read(event, T0, s -> s.line.indexCapacity());
    assertThat(capacity).isLessThanOrEqualTo(64);
    assertThat(stores.line().stats(event, T0).waiting()).isEqualTo(5);
  }

  private AdmissionAttempt attempt(WaiterId id, Gcra limiter, String admissionId, Duration ttl) {
    return new AdmissionAttempt(event, id, 100, false, limiter, 0, admissionId, ttl);
  }
}
