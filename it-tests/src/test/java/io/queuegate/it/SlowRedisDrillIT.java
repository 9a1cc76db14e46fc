package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 4: Redis answers 200 ms late (a delaying TCP proxy in between) while the command timeout is
 * 50 ms, and 2,000 status calls a second arrive for one event (a thousand waiters behind one
 * address), far above the one batch per timeout that one event's lookups would drain if they waited
 * their turn. Every status call must be answered (503 with Retry-After) within its budget; requests
 * in flight stay bounded by the arrivals of one budget; when the latency goes away, service resumes
 * and every waiter still holds its place.
 *
 * <p>Test and service share two cores, so the load is as lean as it can be: a keep-alive socket
 * client for the status calls and the control, and the service's log (a warning per 503) written to
 * a file rather than into the forked test JVM's pipe to Maven. The generator's achieved rate is
 * measured and asserted: a drill that offered less would prove nothing.
 */
@Tag("drill")
class SlowRedisDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(50);

  /**
   * What a status call may take beyond the command timeout: the tick of the adapter's deadline
   * watch (10 ms), thread hand-offs and writing the answer. A status call's budget is the command
   * timeout plus this; the control (the slowest /healthz of the same window, which touches no
   * store) is added on top for what the machine itself adds (GC, a busy CI box).
   */
  private static final Duration MARGIN = Duration.ofMillis(100);

  private static final Duration BUDGET = COMMAND_TIMEOUT.plus(MARGIN);
  private static final Duration LATENCY = Duration.ofMillis(200);
  private static final int RATE = 2_000;
  // Enough samples of the control that its slowest reflects the machine's tail, not its median.
  private static final int CONTROL_RATE = 100;
  // Many people of one event behind one address: each token polls about twice a second.
  private static final int WAITERS = 1_000;
  // A service that queued would pile up connections until the test ran out of file descriptors:
  // past this the generator sheds load, and the in-flight assertion fails instead.
  private static final int IN_FLIGHT_CAP = 4_000;

  // One run's cast and what it measured, filled in step by step.
  private final String event = "slow-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final Tally healthy = new Tally();
  private final Tally slow = new Tally();
  private final Tally control = new Tally();
  private final Tally after = new Tally();
  // Where the loads count their answers: healthy, then slow, then after.
  private volatile Tally current = healthy;
  private DelayProxy proxy;
  private Api api;
  private KeepAliveClient fast;
  private ServiceLog log;
  private OpenLoad load;
  private int threadsBefore;
  private Duration phase;
  private long startedWhileSlow;
  private long shedWhileSlow;
  private Duration slowFor;
  private Duration maxStartLag;
  private int maxInFlightSlow;
  private int maxThreadsSlow;
  private boolean readySaid503;
  private Stopwatch sinceHeal;
  private Duration resumed;
  private long lost;

  @Test
  void redisAnswers200msLate_at2000StatusPerSecond_everyCallAnsweredWithinBudget_thenResumes() {
    try (ServiceLog log = ServiceLog.toFile("slow-redis-service");
        DelayProxy proxy = DelayProxy.to(RedisServers.standalone().address())) {
      Map<String, String> env = new HashMap<>(RedisEnv.standalone(proxy.address()));
      env.put("QUEUEGATE_REDIS_COMMAND_TIMEOUT", COMMAND_TIMEOUT.toString());
      try (ServiceHarness service = ServiceHarness.start(env);
          KeepAliveClient fast = new KeepAliveClient(service.base())) {
        this.proxy = proxy;
        this.api = service.api;
        this.fast = fast;
        this.log = log;
        run();
      }
    }
  }

  @SuppressWarnings("try") // the control load only has to run, and stop with the status load
  private void run() {
    joinWaiters();
    threadsBefore = JvmGauge.threadsNow();
    try (OpenLoad load = startStatusLoad();
        OpenLoad controls = startControlLoad()) {
      this.load = load;
      warmUp();
      slowRedisDown();
      sampleWhileSlow();
      healRedis();
      awaitResume();
    }
    countLostJoins();
    report();
    assertOnly503sWithRetryAfterAndNoHangs();
    assertInFlightAndThreadsBounded();
    assertFullRateAnsweredWithinBudget();
    assertResumedAndNothingLost();
  }

  /** The waiters of one event whose places must outlive the slow phase. */
  private void joinWaiters() {
    // A 50 ms timeout is tight on a busy machine even without the latency: setup retries a 503.
    while (tokens.size() < WAITERS) {
      Reply r = healthy.call(() -> api.join(event));
      assertThat(r.status()).isIn(202, 503);
      if (r.status() == 202) {
        tokens.add(r.body().path("waiting_token").asText());
      }
      assertThat(healthy.count(503)).as("503s on a healthy link").isLessThan(WAITERS / 10);
    }
  }

  /**
   * Status calls of every waiter in turn, at {@link #RATE} a second, through the lean client (as
   * the control is), so that the test's own client does not starve the service of the two cores.
   */
  private OpenLoad startStatusLoad() {
    return OpenLoad.start(
        "open-load-status",
        RATE,
        IN_FLIGHT_CAP,
        n -> current.call(() -> fast.get(statusPath(tokens.get((int) (n % tokens.size()))))));
  }

  /** The control: /healthz, which touches no store, measured only while Redis is slow. */
  private OpenLoad startControlLoad() {
    return OpenLoad.start(
        "open-load-control",
        CONTROL_RATE,
        IN_FLIGHT_CAP,
        n -> (current == slow ? control : new Tally()).call(() -> fast.get("/healthz")));
  }

  private static String statusPath(String token) {
    return "/api/v1/queue/status?token=" + Api.encode(token);
  }

  /** The full rate on a healthy link, until the backlog of a cold start has drained. */
  private void warmUp() {
    Phase.hold(Duration.ofSeconds(3));
    // A cold JIT and a thousand new connections leave requests in flight: the slow phase starts
    // from the steady state, so that its in-flight count and latencies are its own.
    Await.until(
        Duration.ofSeconds(30),
        "requests in flight to settle at " + RATE + " status/s on a healthy link",
        () -> load.inFlight() <= RATE / 10);
  }

  private void slowRedisDown() {
    current = slow;
    proxy.delay(LATENCY);
    load.resetMax();
  }

  /** Readiness, threads and the load really offered, sampled while Redis is slow. */
  private void sampleWhileSlow() {
    phase = MODE.pick(Duration.ofSeconds(10), Duration.ofSeconds(60));
    long startedBefore = load.started();
    long shedBefore = load.shed();
    Stopwatch clock = Stopwatch.start();
    Phase.sample(
        phase,
        Duration.ofMillis(200),
        () -> {
          Reply ready = new Tally().call(() -> api.get("/readyz"));
          readySaid503 |= ready != null && ready.status() == 503;
          maxThreadsSlow = Math.max(maxThreadsSlow, JvmGauge.threadsNow());
        });
    startedWhileSlow = load.started() - startedBefore;
    shedWhileSlow = load.shed() - shedBefore;
    slowFor = clock.elapsed();
    maxInFlightSlow = load.maxInFlight();
    maxStartLag = load.maxStartLag();
  }

  private void healRedis() {
    current = after;
    sinceHeal = Stopwatch.start();
    proxy.delay(Duration.ZERO);
  }

  private void awaitResume() {
    Await.until(
        sinceHeal.left(Duration.ofSeconds(30)),
        "a poll answered 200 after the latency was removed",
        () -> after.call(() -> api.status(tokens.get(0))).status() == 200);
    resumed = sinceHeal.elapsed();
  }

  private void countLostJoins() {
    lost = tokens.stream().filter(t -> !settlesOn200(t)).count();
  }

  /** The waiter's poll settles (answers other than 503 within 10 s) on 200: it kept its place. */
  private boolean settlesOn200(String token) {
    return Await.within(Duration.ofSeconds(10), () -> api.status(token), r -> r.status() != 503)
        .map(r -> r.status() == 200)
        .orElse(false);
  }

  /** Status calls a second the generator really started while Redis was slow. */
  private double achievedRate() {
    return startedWhileSlow / (slowFor.toNanos() / 1e9);
  }

  private void report() {
    new DrillTable("Drill 4: slow Redis")
        .row(
            "load held",
            String.format(
                Locale.ROOT,
                "open loop, %d status/s offered on one event (%d waiters, one address), %.0f/s"
                    + " achieved while slow (%d started in %s, latest start %d ms after its slot,"
                    + " %d shed at %d in flight); /healthz %d/s",
                RATE,
                WAITERS,
                achievedRate(),
                startedWhileSlow,
                DrillTable.seconds(slowFor),
                maxStartLag.toMillis(),
                shedWhileSlow,
                IN_FLIGHT_CAP,
                CONTROL_RATE))
        .row(
            "faults injected",
            "+"
                + DrillTable.millis(LATENCY)
                + " on every Redis answer for "
                + DrillTable.seconds(phase)
                + " (TCP proxy), command timeout "
                + DrillTable.millis(COMMAND_TIMEOUT)
                + ", budget "
                + DrillTable.millis(BUDGET)
                + " (timeout + "
                + DrillTable.millis(MARGIN)
                + ")")
        .row("status calls while slow by status", slow.byStatus())
        .row(
            "requests failed by status code",
            slow.failures() + "; 503 without Retry-After: " + slow.unavailableWithoutRetryAfter())
        .row(
            "status while slow: p99 of 503s / slowest",
            DrillTable.millis(slow.failurePercentile(0.99))
                + " / "
                + DrillTable.millis(slow.slowest()))
        .row("/healthz while slow (control): slowest", DrillTable.millis(control.slowest()))
        .row(
            "requests in flight at most (bound) / threads at most",
            maxInFlightSlow
                + " ("
                + inFlightBound()
                + ") / "
                + maxThreadsSlow
                + " (threads before: "
                + threadsBefore
                + ")")
        .row("/readyz while slow", readySaid503 ? "503" : "200")
        .row("service log", log.records() + " records, to " + log.path().getFileName())
        .row("acknowledged joins lost", lost + " of " + tokens.size())
        .row("recovery time", DrillTable.seconds(resumed) + " after the latency was removed")
        .print();
  }

  /**
   * The arrivals of one budget, plus those of the machine's own delay (the control) and of the
   * generator's lateness (a generator that fell behind sends its backlog at once): whatever answers
   * within its budget can never pile up beyond this, whatever queues does.
   */
  private int inFlightBound() {
    return (int) (RATE * BUDGET.plus(control.slowest()).plus(maxStartLag).toMillis() / 1000);
  }

  private void assertOnly503sWithRetryAfterAndNoHangs() {
    assertThat(slow.serverErrorsOtherThan503()).as("5xx other than 503").isZero();
    assertThat(slow.noAnswer()).as("requests without an answer (hangs)").isZero();
    assertThat(slow.count(503)).as("503 while slow").isPositive();
    assertThat(slow.unavailableWithoutRetryAfter()).as("503 without Retry-After").isZero();
  }

  private void assertFullRateAnsweredWithinBudget() {
    // Below the offered rate the drill would prove nothing: the generator must really send it.
    assertThat(achievedRate()).as("status calls started per second").isGreaterThan(0.9 * RATE);
    assertThat(slow.slowest())
        .as("slowest status call (budget %s + control)", BUDGET)
        .isLessThan(BUDGET.plus(control.slowest()));
  }

  private void assertInFlightAndThreadsBounded() {
    // Work is refused, not queued: never more in flight than arrive during one budget.
    assertThat(maxInFlightSlow).as("requests in flight").isLessThanOrEqualTo(inFlightBound());
    assertThat(shedWhileSlow).as("requests the generator shed").isZero();
    assertThat(maxThreadsSlow).as("threads").isLessThanOrEqualTo(threadsBefore + 8);
  }

  private void assertResumedAndNothingLost() {
    assertThat(resumed).as("resume").isLessThan(Duration.ofSeconds(5));
    assertThat(lost).as("acknowledged joins lost").isZero();
  }
}
