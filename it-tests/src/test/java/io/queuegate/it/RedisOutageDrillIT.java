package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisBinaries;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import io.queuegate.it.JoinLedger.Audit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 3: standalone Redis stops under load (30 s in the full form) and comes back. Requests fail
 * fast with 503, /readyz follows, traffic recovers within 5 s, and heap and threads return to where
 * they were. Redis keeps an append-only file, so the data outlives the crash and no acknowledged
 * join may go missing.
 */
@Tag("drill")
class RedisOutageDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
  private static final Duration RECOVERY_TARGET = Duration.ofSeconds(5);

  // One run's cast and what it measured, filled in step by step.
  private final String event = "outage-drill";
  private RedisServer redis;
  private Api api;
  private Tally tally;
  private Map<String, Tally> byRoute;
  private JoinLedger ledger;
  private Load load;
  private JvmGauge before;
  private long failuresBefore;
  private Duration outage;
  private Stopwatch sinceStop;
  // /healthz touches no store: its latency is what the machine itself adds.
  private final Tally control = new Tally();
  private boolean readySaid503;
  private boolean liveAlways = true;
  private int maxThreads;
  private long failedDuringOutage;
  private Duration slowestFailure;
  private Duration p99Failure;
  private Stopwatch sinceRestart;
  private Duration recovered;
  private Duration ready;
  private long failuresAfterRecovery;
  private JvmGauge after;
  private Audit audit;

  @Test
  void redisDownThirtySecondsUnderLoad_fast503s_readinessFlips_recoversWithin5s() {
    RedisBinaries.require();
    RedisServer redis =
        new RedisServer(
            RedisServer.freePort(),
            RedisServers.tempDir("drill-outage"),
            List.of("--appendonly", "yes", "--appendfsync", "always"));
    redis.start();
    try (redis;
        ServiceHarness service = ServiceHarness.start(RedisEnv.standalone(redis.address()))) {
      this.redis = redis;
      this.api = service.api;
      run();
    }
  }

  private void run() {
    createEvent();
    startLoad();
    try {
      awaitWarmUp();
      stopRedis();
      sampleDuringOutage();
      restartRedis();
      awaitFirstJoin();
      awaitReady();
      awaitLoadAfterTheOutage();
      load.stop();
      auditJoins();
      report();
      assertOnlyRetryable503s();
      assertFailuresFast();
      assertReadinessFlippedAndLivenessHeld();
      assertRecoveredWithinTarget();
      assertThreadsAndHeapBack();
      assertNothingLost();
    } finally {
      load.close();
    }
  }

  private void createEvent() {
    assertThat(
            api.adminPut(
                    event,
                    "{\"ready_window\":20,\"admission_rate_per_sec\":5,\"admission_burst\":5}")
                .status())
        .isEqualTo(200);
  }

  /** Joins, polls and enters, each route counted on its own as well as in the total. */
  private void startLoad() {
    tally = new Tally();
    byRoute =
        new TreeMap<>(
            Map.of(
                "join", new Tally(tally), "status", new Tally(tally), "enter", new Tally(tally)));
    ledger = new JoinLedger();
    load =
        Load.start(
            "outage-load",
            8,
            10,
            i -> {
              ledger.join(byRoute.get("join"), api, event);
              ledger.pollSomeone(byRoute.get("status"), api, event);
              ledger.enterHead(byRoute.get("enter"), api, event);
            });
  }

  private void awaitWarmUp() {
    Await.until(Duration.ofSeconds(60), "warm-up joins", () -> ledger.acknowledged() >= 200);
    before = JvmGauge.sample();
    failuresBefore = tally.noAnswer() + tally.count(503);
  }

  private void stopRedis() {
    outage = MODE.pick(Duration.ofSeconds(8), Duration.ofSeconds(30));
    sinceStop = Stopwatch.start();
    redis.stop();
  }

  /** Readiness, liveness and threads, sampled while the outage lasts. */
  private void sampleDuringOutage() {
    Phase.sample(
        sinceStop.left(outage),
        Duration.ofMillis(250),
        () -> {
          readySaid503 |= api.get("/readyz").status() == 503;
          Reply health = control.call(() -> api.get("/healthz"));
          liveAlways &= health != null && health.status() == 200;
          maxThreads = Math.max(maxThreads, JvmGauge.threadsNow());
        });
    failedDuringOutage = tally.count(503) - failuresBefore;
    slowestFailure = tally.slowestFailure();
    p99Failure = tally.failurePercentile(0.99);
  }

  private void restartRedis() {
    sinceRestart = Stopwatch.start();
    redis.start();
  }

  private void awaitFirstJoin() {
    Await.until(
        sinceRestart.left(Duration.ofSeconds(30)),
        "recovery within 30 s: a join answered 202",
        () -> api.join(event).status() == 202);
    recovered = sinceRestart.elapsed();
  }

  private void awaitReady() {
    Await.until(
        Duration.ofSeconds(10), "/readyz 200 again", () -> api.get("/readyz").status() == 200);
    ready = sinceRestart.elapsed();
  }

  /** Load resumes, and once it has, no request fails any more. */
  private void awaitLoadAfterTheOutage() {
    long acks = ledger.acknowledged();
    Await.until(
        Duration.ofSeconds(30), "load after the outage", () -> ledger.acknowledged() >= acks + 100);
    long failuresAtRecovery = tally.noAnswer() + tally.count(503);
    Await.until(
        Duration.ofSeconds(30), "load after the outage", () -> ledger.acknowledged() >= acks + 200);
    failuresAfterRecovery = tally.noAnswer() + tally.count(503) - failuresAtRecovery;
    after = JvmGauge.sample();
  }

  private void auditJoins() {
    audit = ledger.audit(api, Duration.ofSeconds(10));
  }

  private void report() {
    new DrillTable("Drill 3: Redis outage and return")
        .row(
            "load held",
            String.format(
                "1 instance, %s (join, poll, enter), %d requests (%.0f/s)",
                load.describe(), tally.total(), tally.perSecond()))
        .row(
            "faults injected",
            "kill -9 of redis-server for "
                + DrillTable.seconds(outage)
                + ", then restart (append-only file kept)")
        .row("requests failed by status code", tally.failures())
        .row(
            "503 during the outage / without Retry-After",
            failedDuringOutage + " / " + tally.unavailableWithoutRetryAfter())
        .row(
            "failing requests: p99 / slowest",
            DrillTable.millis(p99Failure)
                + " / "
                + DrillTable.millis(slowestFailure)
                + ", started "
                + DrillTable.millis(
                    Duration.ofNanos(tally.slowestFailureStartedAt() - sinceStop.startedAt()))
                + " after the kill (command"
                + " timeout "
                + DrillTable.millis(COMMAND_TIMEOUT)
                + "); by route: "
                + slowest(byRoute)
                + "; /healthz (control) slowest "
                + DrillTable.millis(control.slowest()))
        .row(
            "/readyz during / after",
            (readySaid503 ? "503" : "200")
                + " / 200 after "
                + DrillTable.seconds(ready)
                + "; /healthz always 200: "
                + liveAlways)
        .row(
            "threads before / peak in outage / after",
            before.threads() + " / " + maxThreads + " / " + after.threads())
        .row(
            "heap after GC before / after",
            before.heapAfterGcBytes() / 1048576
                + " MiB / "
                + after.heapAfterGcBytes() / 1048576
                + " MiB")
        .row(
            "acknowledged joins lost",
            audit.lost()
                + " of "
                + audit.acknowledged()
                + "; admitted twice: "
                + audit.doubleAdmissions())
        .row(
            "recovery time",
            DrillTable.seconds(recovered)
                + " from restart to the first"
                + " join (target 5 s); failures after recovery: "
                + failuresAfterRecovery)
        .print();
  }

  private void assertOnlyRetryable503s() {
    assertThat(tally.serverErrorsOtherThan503()).as("5xx other than 503").isZero();
    assertThat(tally.unavailableWithoutRetryAfter()).as("503 without Retry-After").isZero();
    assertThat(failedDuringOutage).as("503s during the outage").isPositive();
  }

  private void assertFailuresFast() {
    assertThat(p99Failure)
        .as("p99 of failures")
        .isLessThanOrEqualTo(COMMAND_TIMEOUT.plus(control.slowest()));
    // Even the unluckiest request (its command in flight at the kill) ends within the store's
    // cap for one call: three command timeouts (a NOSCRIPT reload and retry) plus 100 ms.
    assertThat(slowestFailure)
        .as("slowest failure")
        .isLessThanOrEqualTo(
            COMMAND_TIMEOUT.multipliedBy(3).plusMillis(100).plus(control.slowest()));
  }

  private void assertReadinessFlippedAndLivenessHeld() {
    assertThat(readySaid503).as("/readyz said 503 during the outage").isTrue();
    assertThat(liveAlways).as("/healthz stayed 200").isTrue();
  }

  private void assertRecoveredWithinTarget() {
    assertThat(recovered).as("recovery").isLessThanOrEqualTo(RECOVERY_TARGET);
    assertThat(failuresAfterRecovery).as("failures after recovery").isZero();
  }

  private void assertThreadsAndHeapBack() {
    assertThat(maxThreads)
        .as("threads during the outage")
        .isLessThanOrEqualTo(before.threads() + 8);
    assertThat(after.threads()).as("threads after").isLessThanOrEqualTo(before.threads() + 4);
    assertThat(after.heapAfterGcBytes())
        .as("heap after GC")
        .isLessThanOrEqualTo(before.heapAfterGcBytes() + 64L * 1024 * 1024);
  }

  private void assertNothingLost() {
    assertThat(audit.lost()).as("acknowledged joins lost").isZero();
    assertThat(audit.doubleAdmissions()).as("admitted twice").isZero();
  }

  private static String slowest(Map<String, Tally> byRoute) {
    StringBuilder sb = new StringBuilder();
    byRoute.forEach(
        (route, t) ->
            sb.append(sb.isEmpty() ? "" : ", ")
                .append(route)
                .append(' ')
                .append(DrillTable.millis(t.slowestFailure())));
    return sb.toString();
  }
}
