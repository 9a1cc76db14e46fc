package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisAdmin;
import io.queuegate.adapter.redis.RedisBinaries;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 6: a soak of steady mixed load on Redis with reaping churn (30% of waiters abandon on a 3 s
 * heartbeat timeout). Afterwards heap and threads are flat, Redis holds no orphan keys, and the
 * event counters add up exactly.
 */
@Tag("drill")
class SoakDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final List<String> EVENTS = List.of("soak-a", "soak-b", "soak-c");
  private static final int JOINS_PER_SECOND = 30;

  // One run's cast and what it measured, filled in step by step.
  private final Duration soak = MODE.soak();
  private final Duration window =
      soak.compareTo(Duration.ofMinutes(4)) >= 0 ? Duration.ofMinutes(1) : soak.dividedBy(4);
  private final List<long[]> samples =
      new CopyOnWriteArrayList<>(); // {elapsedNanos, heap, threads}
  private Api api;
  private RedisAdmin admin;
  private RedisServer redis;
  private Tally tally;
  private Churn churn;
  private Stopwatch sinceStart;
  private Load joiner;
  private Load pollers;
  private long silenced;
  private long[] first;
  private long[] last;
  private long joined;
  private long admitted;
  private long left;
  private long expired;
  private long unbalanced;
  private List<String> orphans;
  private int keysBeforeDelete;
  private long eventKeysAfterDelete;

  @Test
  void steadyLoadWithReapingChurn_flatHeapAndThreads_noOrphanKeys_countsAddUp() {
    RedisBinaries.require();
    RedisServer redis =
        new RedisServer(RedisServer.freePort(), RedisServers.tempDir("drill-soak"), List.of());
    redis.start();
    Map<String, String> env = new HashMap<>(RedisEnv.standalone(redis.address()));
    env.put("QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT3S");
    env.put("QUEUEGATE_HEARTBEAT_FLUSH_INTERVAL", "PT1S");
    env.put("QUEUEGATE_REAPER_INTERVAL", "PT1S");
    env.put("QUEUEGATE_POLICY_READY_WINDOW", "20");
    env.put("QUEUEGATE_POLICY_ADMISSION_RATE_PER_SEC", "20");
    env.put("QUEUEGATE_POLICY_ADMISSION_BURST", "20");
    try (redis;
        ServiceHarness service = ServiceHarness.start(env);
        RedisAdmin admin = RedisAdmin.forNodes(List.of(redis.port()))) {
      this.api = service.api;
      this.admin = admin;
      this.redis = redis;
      run();
    }
  }

  private void run() {
    startChurn();
    try {
      sampleHeapAndThreads();
      stopLoadAndSilenceEveryone();
      takeFirstAndLastWindowMedians();
      awaitEveryLineReapedEmpty();
      addUpCounters();
      findOrphanKeys();
      deleteEventsAndCountTheirKeys();
      report();
      assertNoFailedRequests();
      assertCountersAddUp();
      assertNoKeysLeftBehind();
      assertHeapAndThreadsFlat();
    } finally {
      joiner.close();
      pollers.close();
    }
  }

  /** Steady joins on three events; waiters poll once a second and live out their fates. */
  private void startChurn() {
    tally = new Tally();
    churn = new Churn(tally);
    sinceStart = Stopwatch.start();
    joiner =
        Load.start("soak-join", 3, JOINS_PER_SECOND / 3.0, i -> churn.join(api, EVENTS.get(i)));
    pollers =
        Load.start(
            "soak-poll",
            8,
            1000,
            i -> {
              try {
                churn.step(api, 50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  private void sampleHeapAndThreads() {
    Phase.sample(
        sinceStart.left(soak),
        Duration.ofSeconds(MODE.pick(2, 5)),
        () -> {
          JvmGauge g = JvmGauge.sample();
          samples.add(
              new long[] {sinceStart.elapsed().toNanos(), g.heapAfterGcBytes(), g.threads()});
        });
  }

  private void stopLoadAndSilenceEveryone() {
    joiner.stop();
    silenced = churn.silenceEveryone();
    pollers.stop();
  }

  private void takeFirstAndLastWindowMedians() {
    first = median(samples, 0, window.toNanos());
    last = median(samples, soak.toNanos() - window.toNanos(), Long.MAX_VALUE);
  }

  /** Everyone left in the line is silent now: the reaper must empty every line. */
  private void awaitEveryLineReapedEmpty() {
    Await.until(
        Duration.ofSeconds(30),
        "every line reaped empty",
        () -> EVENTS.stream().allMatch(e -> stats(api, e).path("waiting").asLong() == 0));
  }

  private void addUpCounters() {
    for (String e : EVENTS) {
      JsonNode s = stats(api, e);
      long sum =
          s.path("waiting").asLong()
              + s.path("admitted").asLong()
              + s.path("left").asLong()
              + s.path("expired").asLong();
      unbalanced += Math.abs(sum - s.path("joined").asLong());
      joined += s.path("joined").asLong();
      admitted += s.path("admitted").asLong();
      left += s.path("left").asLong();
      expired += s.path("expired").asLong();
    }
  }

  /** The registry is pruned by the reaper's next pass once it sees the lines empty. */
  private void findOrphanKeys() {
    try (RedisClient client = RedisClient.create("redis://" + redis.address());
        StatefulRedisConnection<String, String> c = client.connect()) {
      ToLongFunction<String> pttl = k -> c.sync().pttl(k);
      orphans =
          Await.within(Duration.ofSeconds(10), () -> orphans(admin.allKeys(), pttl), List::isEmpty)
              .orElseGet(() -> orphans(admin.allKeys(), pttl));
    }
  }

  private void deleteEventsAndCountTheirKeys() {
    keysBeforeDelete = admin.allKeys().size();
    for (String e : EVENTS) {
      assertThat(
              api.raw(
                      "DELETE",
                      "/api/v1/admin/events/" + e,
                      new byte[0],
                      "Authorization",
                      "Bearer " + ServiceHarness.ADMIN_TOKEN)
                  .status())
          .isEqualTo(200);
    }
    eventKeysAfterDelete = admin.allKeys().stream().filter(k -> k.contains("{soak-")).count();
  }

  private void report() {
    new DrillTable("Drill 6: soak with reaping churn")
        .row(
            "load held",
            String.format(
                "%s of %d joins/s on 3 events, waiters polling every"
                    + " 1 s; %d requests (%.0f/s)",
                DrillTable.seconds(soak), JOINS_PER_SECOND, tally.total(), tally.perSecond()))
        .row(
            "faults injected",
            "reaping churn: "
                + churn.abandoned.get()
                + " waiters"
                + " abandoned (30%), "
                + silenced
                + " silenced at the end; heartbeat timeout 3 s")
        .row("requests by status", tally.byStatus())
        .row("requests failed by status code", tally.failures())
        .row(
            "counters",
            "joined "
                + joined
                + " (clients acknowledged "
                + churn.joined.get()
                + "), admitted "
                + admitted
                + " (clients "
                + churn.entered.get()
                + "), left "
                + left
                + " (client leaves "
                + churn.leaves.get()
                + "), expired "
                + expired
                + "; waiting+admitted+left+expired-joined: "
                + unbalanced)
        .row("live waiters expired", churn.liveExpired.get())
        .row(
            "heap after GC, first / last " + DrillTable.seconds(window),
            first[1] / 1048576 + " MiB / " + last[1] / 1048576 + " MiB")
        .row("threads, first / last window", first[2] + " / " + last[2])
        .row("orphan keys (SCAN + PTTL)", orphans.isEmpty() ? "none" : orphans.toString())
        .row(
            "keys after DELETE of the events",
            eventKeysAfterDelete + " of the events' (of " + keysBeforeDelete + " before)")
        .row("acknowledged joins lost", joined == churn.joined.get() ? "0" : "joined differs")
        .row("recovery time", "not applicable (no outage); lines reaped empty after the load")
        .print();
  }

  private void assertNoFailedRequests() {
    assertThat(tally.serverErrorsOtherThan503() + tally.count(503) + tally.noAnswer())
        .as("failed requests")
        .isZero();
  }

  private void assertCountersAddUp() {
    assertThat(unbalanced).as("waiting + admitted + left + expired - joined").isZero();
    assertThat(joined).as("joined vs acknowledged").isEqualTo(churn.joined.get());
    assertThat(admitted).as("admitted vs granted").isEqualTo(churn.entered.get());
    assertThat(expired).as("expired").isPositive();
  }

  private void assertNoKeysLeftBehind() {
    assertThat(orphans).as("orphan keys").isEmpty();
    assertThat(eventKeysAfterDelete).as("keys left after delete").isZero();
  }

  private void assertHeapAndThreadsFlat() {
    assertThat(last[1])
        .as("heap after GC, last window")
        .isLessThanOrEqualTo(first[1] + first[1] / 4 + 16L * 1024 * 1024);
    assertThat(last[2]).as("threads, last window").isLessThanOrEqualTo(first[2] + 3);
  }

  private static JsonNode stats(Api api, String event) {
    Reply r = api.adminGet(event);
    assertThat(r.status()).isEqualTo(200);
    return r.body().path("stats");
  }

  /** Median heap and threads over the samples taken in [from, to) nanoseconds of the soak. */
  private static long[] median(List<long[]> samples, long from, long to) {
    List<long[]> in = samples.stream().filter(s -> s[0] >= from && s[0] < to).toList();
    assertThat(in).as("samples in window").isNotEmpty();
    long[] heap = in.stream().mapToLong(s -> s[1]).sorted().toArray();
    long[] threads = in.stream().mapToLong(s -> s[2]).sorted().toArray();
    return new long[] {0, heap[heap.length / 2], threads[threads.length / 2]};
  }

  /**
   * Keys that nothing will ever remove: without a TTL and not one of the per-event keys that only
   * an operator's delete removes (sequence, counters, log, policy), or anything of a waiter or a
   * line once every line is empty.
   */
  private static List<String> orphans(List<String> keys, ToLongFunction<String> pttl) {
    List<String> orphans = new ArrayList<>();
    for (String key : keys) {
      boolean lineData =
          key.contains(":w:")
              || key.endsWith(":position")
              || key.endsWith(":heartbeat")
              || key.endsWith(":ident")
              || key.matches("queue:event:\\{[^}]+}");
      // The public log lives exactly as long as the counters (docs/design.md#log).
      boolean operatorOnly =
          key.endsWith(":seq")
              || key.endsWith(":stats")
              || key.endsWith(":policy")
              || key.endsWith(":log");
      long ttl = pttl.applyAsLong(key);
      if (lineData || (ttl == -1 && !operatorOnly)) {
        orphans.add(key + " (pttl " + ttl + ")");
      }
    }
    return orphans;
  }
}
