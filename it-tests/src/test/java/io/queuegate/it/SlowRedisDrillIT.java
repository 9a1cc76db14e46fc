package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 4: Redis answers 200 ms late (a delaying TCP proxy in between) while the command budget is
 * 50 ms. Every call times out at the budget and the client gets 503 with Retry-After, never a hang;
 * requests in flight stay bounded; when the latency goes away, service resumes.
 */
@Tag("drill")
class SlowRedisDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  // Lettuce cuts commands on a timer that ticks every 100 ms, so a budget of 50 ms fires well
  // before the 200 ms answers arrive; a budget close to the latency would race them.
  private static final Duration BUDGET = Duration.ofMillis(50);
  private static final Duration LATENCY = Duration.ofMillis(200);
  private static final int RATE = 100;

  // One run's cast and what it measured, filled in step by step.
  private final String event = "slow-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final Tally healthy = new Tally();
  private final Tally slow = new Tally();
  // /healthz touches no store: its latency is what the machine itself adds (a busy CI box), so
  // the store-bound answers are judged against it rather than against a fixed number alone.
  private final Tally control = new Tally();
  private final Tally after = new Tally();
  // Where the load counts its answers: healthy, then slow, then after.
  private volatile Tally current = healthy;
  private DelayProxy proxy;
  private Api api;
  private OpenLoad load;
  private int threadsBefore;
  private Duration phase;
  private long slowCount;
  private int maxInFlightSlow;
  private int maxThreadsSlow;
  private boolean readySaid503;
  private Stopwatch sinceHeal;
  private Duration resumed;
  private long lost;

  @Test
  void redisAnswers200msLate_callsTimeOutAtBudget_503NotHang_boundedInFlight_thenResumes() {
    try (DelayProxy proxy = DelayProxy.to(RedisServers.standalone().address())) {
      Map<String, String> env = new HashMap<>(RedisEnv.standalone(proxy.address()));
      env.put("QUEUEGATE_REDIS_COMMAND_TIMEOUT", BUDGET.toString());
      try (ServiceHarness service = ServiceHarness.start(env)) {
        this.proxy = proxy;
        this.api = service.api;
        run();
      }
    }
  }

  private void run() {
    joinWaiters();
    threadsBefore = JvmGauge.threadsNow();
    try (OpenLoad load = startOpenLoad()) {
      this.load = load;
      Phase.hold(Duration.ofSeconds(3));
      slowRedisDown();
      sampleWhileSlow();
      healRedis();
      awaitResume();
    }
    countLostJoins();
    report();
    assertOnly503sWithRetryAfterAndNoHangs();
    assertAnswersAndWorkBounded();
    assertResumedAndNothingLost();
  }

  /** Fifty waiters whose places must outlive the slow phase. */
  private void joinWaiters() {
    // A 50 ms budget is tight on a busy machine even without the latency: setup retries a 503.
    while (tokens.size() < 50) {
      Reply r = healthy.call(() -> api.join(event));
      assertThat(r.status()).isIn(202, 503);
      if (r.status() == 202) {
        tokens.add(r.body().path("waiting_token").asText());
      }
      assertThat(healthy.count(503)).as("503s on a healthy link").isLessThan(50);
    }
  }

  /** Joins and polls at a fixed rate, with a /healthz control call in every ten. */
  private OpenLoad startOpenLoad() {
    return OpenLoad.start(
        RATE,
        n -> {
          Tally t = current;
          if (n % 10 == 9) {
            (t == slow ? control : new Tally()).call(() -> api.get("/healthz"));
          } else if (n % 2 == 0) {
            t.call(() -> api.join(event));
          } else {
            t.call(() -> api.status(tokens.get((int) (n % tokens.size()))));
          }
        });
  }

  private void slowRedisDown() {
    current = slow;
    proxy.delay(LATENCY);
    load.resetMax();
  }

  /** Readiness and threads, sampled while Redis is slow. */
  private void sampleWhileSlow() {
    phase = MODE.pick(Duration.ofSeconds(10), Duration.ofSeconds(60));
    Phase.sample(
        phase,
        Duration.ofMillis(200),
        () -> {
          readySaid503 |= api.get("/readyz").status() == 503;
          maxThreadsSlow = Math.max(maxThreadsSlow, JvmGauge.threadsNow());
        });
    maxInFlightSlow = load.maxInFlight();
    slowCount = slow.total();
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

  private void report() {
    new DrillTable("Drill 4: slow Redis")
        .row(
            "load held",
            "open loop, "
                + RATE
                + " requests/s (joins and polls), "
                + slowCount
                + " requests while slow")
        .row(
            "faults injected",
            "+"
                + DrillTable.millis(LATENCY)
                + " on every Redis answer for "
                + DrillTable.seconds(phase)
                + " (TCP proxy), command budget "
                + DrillTable.millis(BUDGET))
        .row("requests while slow by status", slow.byStatus())
        .row(
            "requests failed by status code",
            slow.failures() + "; 503 without Retry-After: " + slow.unavailableWithoutRetryAfter())
        .row(
            "answers while slow: p99 of 503s / slowest",
            DrillTable.millis(slow.failurePercentile(0.99))
                + " / "
                + DrillTable.millis(slow.slowest()))
        .row("/healthz while slow (control): slowest", DrillTable.millis(control.slowest()))
        .row(
            "requests in flight at most / threads at most",
            maxInFlightSlow + " / " + maxThreadsSlow + " (threads before: " + threadsBefore + ")")
        .row("/readyz while slow", readySaid503 ? "503" : "200")
        .row("acknowledged joins lost", lost + " of " + tokens.size())
        .row("recovery time", DrillTable.seconds(resumed) + " after the latency was removed")
        .print();
  }

  private void assertOnly503sWithRetryAfterAndNoHangs() {
    assertThat(slow.serverErrorsOtherThan503()).as("5xx other than 503").isZero();
    assertThat(slow.noAnswer()).as("requests without an answer (hangs)").isZero();
    assertThat(slow.count(503)).as("503 while slow").isPositive();
    assertThat(slow.unavailableWithoutRetryAfter()).as("503 without Retry-After").isZero();
  }

  private void assertAnswersAndWorkBounded() {
    // A request makes at most a few store calls, each cut at the budget: never near a second
    // more than the machine needs to answer /healthz.
    assertThat(slow.slowest())
        .as("slowest answer")
        .isLessThan(Duration.ofSeconds(1).plus(control.slowest()));
    // Bounded by the arrivals of one second (plus the machine's own delay): work is refused, not
    // queued.
    assertThat(maxInFlightSlow)
        .as("requests in flight")
        .isLessThanOrEqualTo(RATE + (int) (RATE * control.slowest().toMillis() / 1000));
    assertThat(maxThreadsSlow).as("threads").isLessThanOrEqualTo(threadsBefore + 8);
  }

  private void assertResumedAndNothingLost() {
    assertThat(resumed).as("resume").isLessThan(Duration.ofSeconds(5));
    assertThat(lost).as("acknowledged joins lost").isZero();
  }
}
