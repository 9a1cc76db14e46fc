package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisBinaries;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import io.queuegate.it.HintFollowers.Follower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 8: the reaper is slowed down (thousands of registered events, each answer of Redis 20 ms
 * late through a delaying proxy) while 100 waiters poll exactly at their hint with a 20 s heartbeat
 * timeout. Not one of them may be reaped: the heartbeat flush runs on its own, the reaper works on
 * several events at once, and it counts silence only from what this instance has flushed.
 */
@Tag("drill")
class ReaperStarvationDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Duration LATENCY = Duration.ofMillis(20);
  // Many events, so that some always fall late in a pass: names hash at random into the
  // reaper's order, and only an event reached late finds its heartbeats unflushed for long.
  private static final int EVENTS = 25;
  private static final int PER_EVENT = 4;
  // Each made-up event costs a pass three Redis calls (policy, reap, stats), each LATENCY late.
  private static final int MADE_UP_EVENTS = MODE.pick(1_000, 3_000);
  private static final Duration HOLD = MODE.pick(Duration.ofSeconds(45), Duration.ofMinutes(3));

  // One run's cast and what it measured, filled in step by step.
  private final String prefix = "starve-" + UUID.randomUUID().toString().substring(0, 6);
  // Unrelated random names: names that differ in one character hash next to each other and would
  // be reached one right after another.
  private final List<String> events =
      Stream.generate(() -> "starve-" + UUID.randomUUID()).limit(EVENTS).toList();
  private final List<Follower> followers = new ArrayList<>();
  private final Tally setup = new Tally();
  private final Tally polls = new Tally();
  private DelayProxy proxy;
  private Api api;
  private Duration registered;
  private long reaped;
  private long expired;
  private long stillWaiting;
  private long longestHint;
  private long orderViolations;

  @Test
  void reaperSlowedByThousandsOfEventsOnASlowStore_noWaiterPollingAtItsHintIsReaped() {
    RedisBinaries.require();
    RedisServer redis =
        new RedisServer(RedisServer.freePort(), RedisServers.tempDir("drill-starve"), List.of());
    redis.start();
    try (redis;
        DelayProxy proxy = DelayProxy.to(redis.address())) {
      Map<String, String> env = new HashMap<>(RedisEnv.standalone(proxy.address()));
      // The made-up events run on the defaults: their waiters must stay (and keep the reaper
      // busy) for the whole drill.
      env.put("QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT1H");
      env.put("QUEUEGATE_REAPER_INTERVAL", "PT1S");
      try (ServiceHarness service = ServiceHarness.start(env)) {
        this.proxy = proxy;
        this.api = service.api;
        run();
      }
    }
  }

  private void run() {
    // The waiters first, so every pass after the made-up events are registered has them all.
    configureAndJoin();
    registerMadeUpEvents();
    proxy.delay(LATENCY);
    HintFollowers clients = HintFollowers.start(api, polls, followers, Duration.ZERO);
    try {
      Phase.hold(HOLD);
    } finally {
      clients.close();
    }
    proxy.delay(Duration.ZERO);
    audit();
    report();
    assertNobodyReaped();
    assertHintsWithinAThirdOfTheTimeout();
  }

  /** One waiter on each of thousands of made-up events: the registry the reaper walks. */
  private void registerMadeUpEvents() {
    Stopwatch took = Stopwatch.start();
    Semaphore inFlight = new Semaphore(32);
    List<Future<Reply>> joins = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < MADE_UP_EVENTS; i++) {
        String event = prefix + "-junk-" + i;
        joins.add(
            pool.submit(
                () -> {
                  inFlight.acquire();
                  try {
                    return setup.call(() -> api.joinSurely(event, Duration.ofSeconds(30)));
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    for (Future<Reply> join : joins) {
      Reply r = join.resultNow();
      assertThat(r).as("an answer to a made-up join").isNotNull();
      assertThat(r.status()).as("made-up join").isEqualTo(202);
    }
    registered = took.elapsed();
  }

  /**
   * Events with a slow line, so that behind the head the hint is as long as it may be; four waiters
   * each.
   */
  private void configureAndJoin() {
    int index = 0;
    for (int e = 0; e < EVENTS; e++) {
      String event = events.get(e);
      Reply put =
          putSurely(
              event,
              "{\"heartbeat_timeout_sec\":"
                  + TIMEOUT.toSeconds()
                  + ",\"ready_window\":1,\"admission_rate_per_sec\":0.01}");
      assertThat(put.status()).isEqualTo(200);
      for (int i = 0; i < PER_EVENT; i++) {
        Reply join = setup.call(() -> api.joinSurely(event, Duration.ofSeconds(30)));
        assertThat(join.status()).isEqualTo(202);
        followers.add(new Follower(join.body().path("waiting_token").asText(), event, index++));
      }
    }
  }

  private void audit() {
    reaped = followers.stream().filter(f -> f.reaped).count();
    longestHint = followers.stream().mapToLong(f -> f.longestHintMs).max().orElse(0);
    for (int e = 0; e < EVENTS; e++) {
      expired += api.adminGet(events.get(e)).body().path("stats").path("expired").asLong();
    }
    Map<String, Long> lastPosition = new HashMap<>();
    for (Follower f : followers) {
      Reply r = api.status(f.token);
      if (r.status() == 200) {
        stillWaiting++;
        long position = r.body().path("position").asLong();
        if (position <= lastPosition.getOrDefault(f.event, 0L)) {
          orderViolations++;
        }
        lastPosition.put(f.event, position);
      }
    }
  }

  private void report() {
    new DrillTable("Drill 8: reaper starvation")
        .row(
            "load held",
            followers.size()
                + " waiters on "
                + EVENTS
                + " events polling at their hint for "
                + DrillTable.seconds(HOLD)
                + " ("
                + polls.total()
                + " polls); "
                + MADE_UP_EVENTS
                + " made-up events with one silent waiter each (registered in "
                + DrillTable.seconds(registered)
                + ")")
        .row(
            "faults injected",
            "+"
                + DrillTable.millis(LATENCY)
                + " on every Redis answer (TCP proxy): a reaper pass costs "
                + 3 * MADE_UP_EVENTS
                + " calls, "
                + DrillTable.seconds(LATENCY.multipliedBy(3L * MADE_UP_EVENTS))
                + " one after another; heartbeat timeout "
                + DrillTable.seconds(TIMEOUT)
                + ", reaper every 1 s, flush every 1 s")
        .row("requests failed by status code", polls.failures())
        .row("polls by status", polls.byStatus())
        .row(
            "longest hint given",
            longestHint + " ms (a third of the timeout: " + TIMEOUT.toMillis() / 3 + " ms)")
        .row(
            "acknowledged joins lost",
            "reaped: "
                + reaped
                + " of "
                + followers.size()
                + " (expired in the stats: "
                + expired
                + "); still waiting at the end: "
                + stillWaiting
                + ", order violations: "
                + orderViolations)
        .row("recovery time", "not applicable (no waiter lost its place)")
        .print();
  }

  private void assertNobodyReaped() {
    assertThat(reaped).as("waiters reaped although they polled at their hint").isZero();
    assertThat(expired).as("expired in the events' stats").isZero();
    assertThat(stillWaiting).as("still waiting at the end").isEqualTo(followers.size());
    assertThat(orderViolations).as("order violations").isZero();
    assertThat(polls.serverErrorsOtherThan503()).as("5xx other than 503").isZero();
  }

  private void assertHintsWithinAThirdOfTheTimeout() {
    assertThat(longestHint).isPositive().isLessThanOrEqualTo(TIMEOUT.toMillis() / 3);
  }

  // A PUT can be repeated; on a busy machine the first may meet a command timeout.
  private Reply putSurely(String eventId, String policyJson) {
    return Await.until(
        Duration.ofSeconds(30),
        "the policy of " + eventId,
        () -> api.adminPut(eventId, policyJson),
        r -> r.status() == 200);
  }
}
