package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisBinaries;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.domain.service.HeartbeatThinning;
import io.queuegate.it.Api.Reply;
import io.queuegate.it.HintFollowers.Follower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 9: Redis is down for twice the heartbeat timeout while 100 waiters poll at their hint and
 * keep trying through the outage (after Retry-After). After Redis returns, every one of them is
 * still in line, in the order they joined: the reaper does not count the outage as silence. Ten
 * more waiters go silent when the outage starts; they are still reaped, a timeout of reachable time
 * later.
 */
@Tag("drill")
class LongRedisOutageDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final Duration TIMEOUT = MODE.pick(Duration.ofSeconds(10), Duration.ofSeconds(30));
  private static final Duration OUTAGE = TIMEOUT.multipliedBy(2);
  private static final int KEEP_TRYING = 100;
  private static final int GO_SILENT = 10;

  // One run's cast and what it measured, filled in step by step.
  private final String event = "long-outage-" + UUID.randomUUID().toString().substring(0, 6);
  private final List<Follower> all = new ArrayList<>();
  private final List<Follower> keepTrying = new ArrayList<>();
  private final List<Follower> silent = new ArrayList<>();
  private final Tally polls = new Tally();
  private final Tally duringOutage = new Tally();
  private RedisServer redis;
  private Api api;
  private HintFollowers clients;
  private boolean readySaid503;
  private long reapedBeforeOutage;
  private Stopwatch sinceRestart;
  private Duration allServed;
  private long reapedLive;
  private long silentReaped;
  private long stillWaiting;
  private long expired;
  private final List<Long> positions = new ArrayList<>();

  @Test
  void redisDownForTwiceTheHeartbeatTimeout_waitersWhoKeptTryingKeepTheirPlacesInOrder() {
    RedisBinaries.require();
    RedisServer redis =
        new RedisServer(
            RedisServer.freePort(),
            RedisServers.tempDir("drill-long-outage"),
            List.of("--appendonly", "yes", "--appendfsync", "always"));
    redis.start();
    Map<String, String> env = new HashMap<>(RedisEnv.standalone(redis.address()));
    env.put("QUEUEGATE_REAPER_INTERVAL", "PT1S");
    try (redis;
        ServiceHarness service = ServiceHarness.start(env)) {
      this.redis = redis;
      this.api = service.api;
      run();
    }
  }

  private void run() {
    configureAndJoin();
    try (HintFollowers clients = HintFollowers.start(api, polls, all, Duration.ZERO)) {
      this.clients = clients;
      Phase.hold(TIMEOUT);
      reapedBeforeOutage = all.stream().filter(f -> f.reaped).count();
      stopRedis();
      restartRedis();
      awaitEveryoneWhoKeptTryingServed();
      // A whole timeout of reachable time after the return, its thinning window (docs/design.md
      // #heartbeat) and the flush and reaper intervals: the silent ones must be gone by then.
      Phase.hold(TIMEOUT.plus(HeartbeatThinning.window(TIMEOUT)).plusSeconds(5));
    }
    audit();
    report();
    assertEveryoneWhoKeptTryingKeptTheirPlaceInOrder();
    assertSilentOnesReaped();
  }

  /** A slow line, so hints are as long as they may be; one in eleven will go silent. */
  private void configureAndJoin() {
    Reply put =
        putSurely(
            event,
            "{\"heartbeat_timeout_sec\":"
                + TIMEOUT.toSeconds()
                + ",\"ready_window\":1,\"admission_rate_per_sec\":0.01}");
    assertThat(put.status()).isEqualTo(200);
    for (int i = 0; i < KEEP_TRYING + GO_SILENT; i++) {
      Reply join = api.joinSurely(event, Duration.ofSeconds(30));
      assertThat(join.status()).isEqualTo(202);
      Follower f = new Follower(join.body().path("waiting_token").asText(), event, i);
      all.add(f);
      (i % 11 == 5 ? silent : keepTrying).add(f);
    }
  }

  private void stopRedis() {
    silent.forEach(Follower::goSilent);
    Stopwatch sinceStop = Stopwatch.start();
    redis.stop();
    Phase.sample(
        sinceStop.left(OUTAGE),
        Duration.ofMillis(500),
        () -> {
          Reply ready = duringOutage.call(() -> api.get("/readyz"));
          readySaid503 |= ready != null && ready.status() == 503;
        });
  }

  private void restartRedis() {
    clients.resetAnswers();
    sinceRestart = Stopwatch.start();
    redis.start();
  }

  /** Each waiter who kept trying hears 200 (or 404, which the audit counts) again. */
  private void awaitEveryoneWhoKeptTryingServed() {
    Await.until(
        Duration.ofSeconds(30),
        "every waiter who kept trying answered after the restart",
        () -> keepTrying.stream().allMatch(f -> f.reaped || f.answersSince > 0));
    allServed = sinceRestart.elapsed();
  }

  private void audit() {
    reapedLive = keepTrying.stream().filter(f -> f.reaped).count();
    silentReaped = silent.stream().filter(f -> gone(f.token)).count();
    for (Follower f : keepTrying) {
      Reply r = api.status(f.token);
      if (r.status() == 200) {
        stillWaiting++;
        positions.add(r.body().path("position").asLong());
      }
    }
    expired = api.adminGet(event).body().path("stats").path("expired").asLong();
  }

  // Nobody leaves or enters here, so a 404 of either kind means reaped (the "expired" memory of a
  // reaped token lasts one timeout, which the audit may come after).
  private boolean gone(String token) {
    return api.status(token).status() == 404;
  }

  private List<Long> oneToN() {
    List<Long> expected = new ArrayList<>();
    for (long p = 1; p <= KEEP_TRYING; p++) {
      expected.add(p);
    }
    return expected;
  }

  private void report() {
    long longestHint = all.stream().mapToLong(f -> f.longestHintMs).max().orElse(0);
    new DrillTable("Drill 9: Redis outage longer than the heartbeat timeout")
        .row(
            "load held",
            KEEP_TRYING
                + " waiters polling at their hint and through the outage after Retry-After, "
                + GO_SILENT
                + " more who go silent at the outage; "
                + polls.total()
                + " polls, longest hint "
                + longestHint
                + " ms")
        .row(
            "faults injected",
            "kill -9 of redis-server for "
                + DrillTable.seconds(OUTAGE)
                + " (twice the heartbeat timeout of "
                + DrillTable.seconds(TIMEOUT)
                + "), then restart (append-only file kept); reaper every 1 s")
        .row("requests failed by status code", polls.failures())
        .row("/readyz during the outage", readySaid503 ? "503" : "200")
        .row(
            "acknowledged joins lost",
            "waiters who kept trying reaped: "
                + reapedLive
                + " of "
                + KEEP_TRYING
                + " (before the outage: "
                + reapedBeforeOutage
                + "); still waiting "
                + stillWaiting
                + ", at positions 1.."
                + KEEP_TRYING
                + " in join order: "
                + positions.equals(oneToN()))
        .row(
            "silent waiters reaped",
            silentReaped
                + " of "
                + GO_SILENT
                + " within a timeout of reachable time (expired in the stats: "
                + expired
                + ")")
        .row(
            "recovery time",
            DrillTable.seconds(allServed)
                + " from the restart until every waiter who kept trying was answered 200")
        .print();
  }

  private void assertEveryoneWhoKeptTryingKeptTheirPlaceInOrder() {
    assertThat(polls.serverErrorsOtherThan503()).as("5xx other than 503").isZero();
    assertThat(polls.count(503)).as("503s during the outage").isPositive();
    assertThat(reapedLive).as("waiters who kept trying and were reaped").isZero();
    assertThat(stillWaiting).as("still waiting").isEqualTo(KEEP_TRYING);
    assertThat(positions).as("positions in join order").isEqualTo(oneToN());
  }

  private void assertSilentOnesReaped() {
    assertThat(silentReaped).as("silent waiters reaped").isEqualTo(GO_SILENT);
    assertThat(expired).as("expired in the stats").isEqualTo(GO_SILENT);
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
