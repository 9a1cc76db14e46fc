package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.newIdentity;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static io.queuegate.domain.port.out.StoreFixtures.withIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.port.out.Concurrently;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs after every other Redis test (see the failsafe class order): no KEYS was ever issued, nor by
 * any store operation; no key lives on without a TTL once its event has neither waiters nor a
 * policy, not even for ten thousand made-up events; and status costs one EVALSHA_RO.
 */
abstract class StoreHygieneIT {
  /** Commands a locate may run inside its script, and noise from the client and the measurement. */
  // ZCARD and HEXISTS are O(1): a line waiter's rank counts the pre-queue ahead of it, and an
  // entrant's depends on whether the event has opened (docs/design.md#pre-queue).
  private static final Set<String> ALLOWED_PER_LOCATE =
      Set.of("evalsha_ro", "hmget", "zrank", "zcard", "hexists");

  protected abstract RedisSettings.Mode mode();

  /**
   * No KEYS in the whole run: every other Redis test ran before, on these servers. This can fail:
   * the servers keep KEYS, INFO commandstats counts it, and no test resets the counts.
   */
  void wholeRun_issuedNoKeys() {
    RedisAdmin admin = SharedRedisStores.admin(mode());
    assertThat(admin.knowsCommand("keys"))
        .as("the test servers keep KEYS, so it is counted")
        .isTrue();

    Map<String, Long> calls = admin.commandCalls();

    assertThat(calls).containsKey("evalsha");
    assertThat(calls).doesNotContainKey("keys");
  }

  /** Every operation of the stores, the lower position tier and deleteEvent included: no KEYS. */
  void storeOperations_issueNoKeys() {
    QueueStore store = SharedRedisStores.fresh(mode());
    RedisAdmin admin = SharedRedisStores.admin(mode());
    assertThat(admin.knowsCommand("keys"))
        .as("the test servers keep KEYS, so it is counted")
        .isTrue();
    Map<String, Long> before = admin.commandCalls();

    Workload run = workload(store);
    EventId event = run.event();
    WaiterId waiting = run.vouched(); // the others were admitted, left or reaped
    store.line().locate(event, waiting, at(106));
    RedisKeys keys = new RedisKeys(event);
    admin.onOwner(keys.position(), n -> n.zrem(keys.position(), waiting.value()));
    store.line().locate(event, waiting, at(107));
    store.line().stats(event, at(107));
    store.ledger().recentAdmissions(event, at(107));
    store.policies().find(event);
    store.idempotency().release("join:k1");
    long version = store.feed().head(event).version();
    store.feed().page(event, 0, 100);
    store.feed().read(event, 0, 100);
    store.line().deleteEvent(event);
    store.policies().delete(event);
    store.line().activeEvents();

    Map<String, Long> calls = admin.commandCallsSince(before);
    assertThat(calls).containsKeys("evalsha", "evalsha_ro", "scan", "xadd");
    assertThat(calls).doesNotContainKey("keys");
    assertThat(version).isPositive();
    assertThat(admin.allKeys()).as("deleteEvent takes the feed").doesNotContain(keys.feed());
  }

  /**
   * Keys without a TTL belong to a line that still has a waiter, or to an event an operator
   * configured; once neither holds, every key left expires by itself.
   */
  void everyKeyLeft_expiresOnceTheLineIsEmptyAndThePolicyGone() {
    QueueStore store = SharedRedisStores.fresh(mode());
    RedisAdmin admin = SharedRedisStores.admin(mode());
    Workload run = workload(store);
    EventId event = run.event();
    RedisKeys keys = new RedisKeys(event);

    assertThat(admin.allKeys())
        .containsAll(
            List.of(
                keys.tombstone(run.ids().get(3)),
                keys.used(run.admission().id()),
                keys.limiter(),
                keys.live(),
                keys.admissions()));
    assertThat(keysWithoutTtl(admin))
        .containsExactlyInAnyOrder(
            keys.position(),
            keys.legacy(),
            keys.heartbeat(),
            keys.identities(),
            keys.sequence(),
            keys.waiter(run.vouched()),
            keys.stats(),
            keys.log(),
            keys.feed(),
            keys.policy(),
            RedisKeys.ACTIVE_EVENTS);

    store.line().leave(event, run.vouched(), at(110));
    store.line().activeEvents();
    assertThat(keysWithoutTtl(admin))
        .as("a configured event keeps its counters, its log and its feed")
        .containsExactlyInAnyOrder(keys.stats(), keys.log(), keys.feed(), keys.policy());

    store.policies().delete(event);
    assertThat(keysWithoutTtl(admin)).isEmpty();
    assertThat(admin.allKeys()).as("the feed expires with the counters").contains(keys.feed());
    assertThat(store.line().stats(event, at(111)).left()).isEqualTo(2);
  }

  /**
   * Made-up events, one join each, as anyone can send: once the reaper removed their waiters and
   * the tombstone window and the idle retention passed (both a second here), no key of them is
   * left, and the active-event index is gone too.
   */
  void tenThousandMadeUpEvents_leaveNoKeyOnceReapedAndTheirWindowsPassed() {
    SharedRedisStores.fresh(mode());
    RedisAdmin admin = SharedRedisStores.admin(mode());
    Duration window = Duration.ofSeconds(1);
    try (RedisStores stores =
        RedisStores.connect(
            SharedRedisStores.settings(mode()),
            CommandTimer.NONE,
            Housekeeping.DEFAULTS.withIdleRetention(window))) {
      WaitingLine line = stores.store().line();
      List<EventId> events = IntStream.range(0, 10_000).mapToObj(i -> newEventId()).toList();
      List<WaiterId> ids =
          Concurrently.values(
              Concurrently.run(
                  8,
                  events.size(),
                  i -> line.join(anonymous(events.get(i)), 0, at(0)).standing().waiter().id()));
      assertThat(line.activeEvents()).containsExactlyInAnyOrderElementsOf(events);

      List<Integer> reaped =
          Concurrently.values(
              Concurrently.run(
                  8, events.size(), i -> line.reap(events.get(i), at(10), 10, window, at(10))));
      assertThat(reaped).containsOnly(1);
      // The reaper's next passes; a line whose read timed out is listed again until read empty.
      Await.until(Duration.ofSeconds(30), "no active event", () -> line.activeEvents().isEmpty());

      Set<String> tags =
          events.stream().map(e -> "{" + e.value() + "}").collect(Collectors.toSet());
      Await.until(
          Duration.ofSeconds(30),
          "no key of the made-up events",
          () -> admin.allKeys().stream().noneMatch(k -> tags.contains(tagOf(k))));
      assertThat(admin.allKeys()).doesNotContain(RedisKeys.ACTIVE_EVENTS);
      assertThatThrownBy(() -> line.locate(events.get(0), ids.get(0), at(10).plus(window)))
          .isInstanceOf(WaiterNotFound.class);
    }
  }

  private static Set<String> keysWithoutTtl(RedisAdmin admin) {
    return admin.allKeys().stream()
        .filter(k -> admin.onOwner(k, n -> n.pttl(k)) == -1)
        .collect(Collectors.toSet());
  }

  private static String tagOf(String key) {
    int open = key.indexOf('{');
    int close = key.indexOf('}', open + 1);
    return open < 0 || close < 0 ? "" : key.substring(open, close + 1);
  }

  void locate_costsOneEvalshaRo() {
    QueueStore store = SharedRedisStores.fresh(mode());
    RedisAdmin admin = SharedRedisStores.admin(mode());
    EventId event = newEventId();
    WaiterId id = store.line().join(anonymous(event), 0, at(0)).standing().waiter().id();
    Map<String, Long> before = admin.commandCalls();

    for (int i = 0; i < 20; i++) {
      store.line().locate(event, id, at(1));
    }

    Map<String, Long> calls = admin.commandCallsSince(before);
    assertThat(calls).containsEntry("evalsha_ro", 20L);
    assertThat(calls.keySet().stream().filter(StoreHygieneIT::isDataCommand))
        .allMatch(ALLOWED_PER_LOCATE::contains);
  }

  /** What {@link #workload} left behind, for the checks. */
  private record Workload(
      EventId event, List<WaiterId> ids, WaiterId vouched, Admission admission) {}

  /**
   * Joins seven (one with an identity), heartbeats, a leave, two admissions and a consume, a reap,
   * a policy, an idempotency record and a rate-limit bucket, and the reaper's event listing.
   */
  private static Workload workload(QueueStore store) {
    EventId event = newEventId();
    List<WaiterId> ids =
        IntStream.range(0, 6)
            .mapToObj(i -> store.line().join(anonymous(event), 0, at(i)).standing().waiter().id())
            .toList();
    WaiterId vouched =
        store.line().join(withIdentity(event, newIdentity()), 0, at(6)).standing().waiter().id();
    store.line().touch(event, List.of(ids.get(0), ids.get(1), ids.get(2), vouched), at(100));
    store.line().leave(event, ids.get(2), at(101));
    Admission admission = store.ledger().admit(openAttempt(event, ids.get(0)), at(102));
    store.ledger().consume(event, admission.id(), admission.expiresAt(), at(103));
    store.ledger().admit(openAttempt(event, ids.get(1)), at(104));
    store.line().reap(event, at(50), 10, Duration.ofSeconds(300), at(105));
    store.policies().save(event, QueuePolicy.defaults());
    store.idempotency().begin("join:k1", "fp", Duration.ofSeconds(30), at(105));
    store
        .idempotency()
        .complete("join:k1", "fp", IdempotencyReply.stored("{}"), Duration.ofSeconds(300), at(106));
    store.rateLimits().acquire("ip:10.0.0.1", new Gcra(5, 10), at(106));
    store.line().activeEvents();
    return new Workload(event, ids, vouched, admission);
  }

  /**
   * Leaves out the measurement itself, the client's topology and connection housekeeping, and
   * replication's own traffic (a cluster replica acknowledges its offset to its primary every
   * second with {@code REPLCONF ACK}, which lands in a measured window now and then).
   */
  private static boolean isDataCommand(String command) {
    return !(command.startsWith("config")
        || command.equals("replconf")
        || command.equals("psync")
        || command.equals("sync")
        || command.startsWith("info")
        || command.startsWith("cluster")
        || command.startsWith("client")
        || command.startsWith("command")
        || command.equals("ping")
        || command.equals("hello")
        || command.equals("readonly"));
  }
}
