package io.queuegate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.IdempotentReply;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every piece of the in-memory store's memory goes away once nothing needs it. */
class InMemoryCleanupTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofSeconds(3_600);

  private final EventRegistry registry = new EventRegistry(RETENTION);
  private final InMemoryStores stores = new InMemoryStores(registry);
  private final EventId event = new EventId("concert");
  private final EventId busy = new EventId("festival");

  private WaiterId join(EventId eventId, Instant now) {
    NewWaiter newWaiter =
        new NewWaiter(eventId, WaiterId.random(), Optional.empty(), Optional.empty());
    return stores.waitingLine().join(newWaiter, 0, now).standing().waiter().id();
  }

  /** Writes to another event; each write sweeps a few entries. */
  private void writeElsewhere(Instant now, int times) {
    for (int i = 0; i < times; i++) {
      stores.waitingLine().touch(busy, List.of(), now);
    }
  }

  @Test
  void callsAboutUnknownEvents_leaveNoTrace() {
    var line = stores.waitingLine();
    WaiterId nobody = WaiterId.random();
    line.leave(event, nobody, T0);
    line.touch(event, List.of(nobody), T0);
    line.reap(event, T0, 10, Duration.ofSeconds(60), T0);
    line.stats(event, T0);
    stores.admissionLedger().recentAdmissions(event, T0);

    assertThat(registry.trackedEvents()).isZero();
  }

  @Test
  void eventWhoseLineEmptied_isDroppedOnceIdleForTheRetention() {
    join(busy, T0);
    stores.waitingLine().leave(event, join(event, T0), T0);

    writeElsewhere(T0.plus(RETENTION).minusSeconds(1), 4);
    assertThat(registry.trackedEvents()).isEqualTo(2);
    assertThat(stores.waitingLine().stats(event, T0).left()).isEqualTo(1);

    writeElsewhere(T0.plus(RETENTION), 4);
    assertThat(registry.trackedEvents()).isEqualTo(1);
    assertThat(stores.waitingLine().stats(event, T0).joined()).isZero();
  }

  @Test
  void configuredEvent_keepsItsCountsUntilDeleted() {
    join(busy, T0);
    stores.eventPolicies().save(event, QueuePolicy.defaults());
    stores.waitingLine().leave(event, join(event, T0), T0);

    writeElsewhere(T0.plus(RETENTION).plus(RETENTION), 4);
    assertThat(stores.waitingLine().stats(event, T0).left()).isEqualTo(1);

    stores.waitingLine().deleteEvent(event);
    assertThat(registry.trackedEvents()).isEqualTo(1);
  }

  @Test
  void eventHoldingRecordsThatStillLive_staysUntilTheyLapse() {
    Duration remember = RETENTION.multipliedBy(2);
    join(busy, T0);
    join(event, T0);
    stores.waitingLine().reap(event, T0.plusSeconds(1), 10, remember, T0);
    Admission admission =
        stores
            .admissionLedger()
            .admit(attempt(join(event, T0), new Gcra(1, 1), "adm-1", Duration.ofSeconds(600)), T0);
    stores.admissionLedger().consume(event, admission.id(), admission.expiresAt(), T0);

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
    store.complete("join:7", "fp", new IdempotentReply(202, "{}"), Duration.ofSeconds(60), T0);

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
        stores
            .admissionLedger()
            .admit(attempt(waiting.poll(), open, "adm-" + i, Duration.ofSeconds(1)), T0);
      }
    }

    int capacity = registry.read(event, T0, s -> s.line.indexCapacity());
    assertThat(capacity).isLessThanOrEqualTo(64);
    assertThat(stores.waitingLine().stats(event, T0).waiting()).isEqualTo(5);
  }

  private AdmissionAttempt attempt(WaiterId id, Gcra limiter, String admissionId, Duration ttl) {
    return new AdmissionAttempt(event, id, 100, false, limiter, 0, admissionId, ttl);
  }
}
