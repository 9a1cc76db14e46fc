package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 7: many people behind one address (an office, a campus, a mobile carrier), with the shipped
 * limits. They all reach the service from 127.0.0.1: they join within 10 s, poll at the hint they
 * are given and enter when ready, while one greedy client polls its own token 50 times a second
 * from the same address. Everyone must be admitted, in line order, without one 429; the greedy
 * token alone is refused.
 */
@Tag("drill")
class SharedAddressDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final int PEOPLE = MODE.pick(200, 300);
  private static final Duration JOINING = Duration.ofSeconds(10);
  private static final Duration GREEDY_FOR = Duration.ofSeconds(2);
  private static final int GREEDY_PER_SECOND = 50;
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  // The event lets 10 people a second in, half the rate they arrive at, so a line forms and drains
  // while they poll; and only the first 10 may enter, which makes line order visible.
  private static final int READY_WINDOW = 10;
  private static final String POLICY =
      "{\"ready_window\":"
          + READY_WINDOW
          + ",\"admission_rate_per_sec\":10,\"admission_burst\":10}";

  @Test
  void peopleBehindOneAddress_areAllAdmittedInOrder_onTheInMemoryStore() throws Exception {
    drill("in memory", Map.of());
  }

  @Test
  void peopleBehindOneAddress_areAllAdmittedInOrder_onRedisStandalone() throws Exception {
    // A Redis of its own: the shipped limits leave request buckets behind in the store, and the
    // other tests on the shared server run with limits out of the way, keyed by the same address.
    try (RedisServer redis =
        new RedisServer(
            RedisServer.freePort(), RedisServers.tempDir("drill-shared-address"), List.of())) {
      redis.start();
      drill("Redis standalone", RedisEnv.standalone(redis.address()));
    }
  }

  private void drill(String store, Map<String, String> env) throws Exception {
    try (ServiceHarness service = ServiceHarness.startWithDefaultLimits(env)) {
      String event = "office-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(service.api.adminPut(event, POLICY).status())
          .as("event configured")
          .isEqualTo(200);
      Crowd crowd = new Crowd(service.api, event);
      Greedy greedy =
          new Greedy(service.api, "greedy-" + UUID.randomUUID().toString().substring(0, 8));
      long started = System.nanoTime();
      crowd.start();
      // In the middle of the joins, when the line is busiest.
      crowd.awaitJoined(PEOPLE / 2);
      greedy.run(crowd);
      crowd.await();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      report(store, crowd, greedy, took);

      assertThat(greedy.setupFailure).as("greedy client set up").isNull();
      assertThat(crowd.gaveUp()).as("people who gave up: %s", crowd.whyGivenUp()).isZero();
      assertThat(crowd.tally.count(429)).as("429 answers to the crowd").isZero();
      assertThat(crowd.admitted()).as("people admitted").isEqualTo(PEOPLE);
      assertThat(crowd.positionsThatRose()).as("polls whose position went up").isZero();
      assertThat(crowd.outOfOrder(READY_WINDOW)).as("admissions out of line order").isEmpty();
      assertThat(greedy.tally.count(429)).as("greedy token refused").isPositive();
      assertThat(greedy.tally.count(200)).as("greedy token served within its limit").isPositive();
      assertThat(greedy.neighbour.count(200))
          .as("its neighbour's polls, all answered 200: %s", greedy.neighbour.byStatus())
          .isEqualTo(greedy.neighbour.total())
          .isPositive();
    }
  }

  private static void report(String store, Crowd crowd, Greedy greedy, Duration took) {
    new DrillTable("Drill 7: " + PEOPLE + " people behind one address, " + store)
        .row(
            "load held",
            PEOPLE
                + " people from 127.0.0.1 joining within "
                + DrillTable.seconds(JOINING)
                + ", polling at their hint and entering when ready; "
                + crowd.tally.total()
                + " requests; shipped limits; the event admits 10/s with a ready window of "
                + READY_WINDOW)
        .row(
            "faults injected",
            "one client on the same address polling its own token "
                + GREEDY_PER_SECOND
                + "/s for "
                + DrillTable.seconds(GREEDY_FOR))
        .row("crowd by status (403: NOT_READY from the admission limiter)", crowd.tally.byStatus())
        .row("requests failed by status code", crowd.tally.failures())
        .row("people who gave up", crowd.whyGivenUp())
        .row(
            "people admitted",
            crowd.admitted() + " of " + PEOPLE + " in " + DrillTable.seconds(took))
        .row(
            "admitted in line order",
            "out of order: "
                + crowd.outOfOrder(READY_WINDOW).size()
                + "; polls whose position rose: "
                + crowd.positionsThatRose())
        .row(
            "greedy token by status",
            greedy.setupFailure != null ? greedy.setupFailure : greedy.tally.byStatus())
        .row("its neighbour meanwhile", greedy.neighbour.byStatus())
        .row("acknowledged joins lost", crowd.lost() + " of " + crowd.joined())
        .row("recovery time", "not applicable (no outage)")
        .print();
  }

  /** The people behind the address, each on a virtual thread of its own. */
  private static final class Crowd {
    final Tally tally = new Tally();
    private final Api api;
    private final String event;
    private final List<Person> people = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    Crowd(Api api, String event) {
      this.api = api;
      this.event = event;
    }

    void start() {
      long first = System.nanoTime();
      long gap = JOINING.toNanos() / PEOPLE;
      for (int i = 0; i < PEOPLE; i++) {
        Person person = new Person(first + i * gap);
        people.add(person);
        running.add(threads.submit(() -> person.run(api, event, tally)));
      }
    }

    void awaitJoined(int count) {
      Await.until(DEADLINE, count + " people joined", () -> joined() >= count);
    }

    void await() throws Exception {
      for (Future<?> person : running) {
        person.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      }
      threads.shutdown();
    }

    long joined() {
      return people.stream().filter(p -> p.token != null).count();
    }

    long admitted() {
      return people.stream().filter(p -> p.admittedAt != 0).count();
    }

    long lost() {
      return people.stream().filter(p -> p.token != null && p.lost).count();
    }

    long positionsThatRose() {
      return people.stream().mapToLong(p -> p.rises).sum();
    }

    long gaveUp() {
      return people.stream().filter(p -> p.failure != null).count();
    }

    /** Why people gave up, with how many gave up for each reason, or "none". */
    String whyGivenUp() {
      Map<String, Long> reasons = new TreeMap<>();
      people.stream()
          .filter(p -> p.failure != null)
          .forEach(p -> reasons.merge(p.failure, 1L, Long::sum));
      return reasons.isEmpty() ? "none" : reasons.toString();
    }

    /**
     * Admissions the service could only have granted out of line order: when person p was admitted,
     * more than {@code window - 1} people who had certainly joined before p (their join answered
     * before p's was sent) had certainly not yet entered (they sent their enter after p's answer).
     */
    List<String> outOfOrder(int window) {
      List<String> wrong = new ArrayList<>();
      for (Person p : people) {
        if (p.admittedAt == 0) {
          continue;
        }
        long ahead =
            people.stream()
                .filter(q -> q.joinedAt != 0 && q.joinedAt < p.joinSentAt)
                .filter(q -> q.enterSentAt == 0 || q.enterSentAt > p.admittedAt)
                .count();
        if (ahead >= window) {
          wrong.add(p.token + " with " + ahead + " ahead");
        }
      }
      return wrong;
    }
  }

  /** One person: joins at its moment, polls at the hint, enters when ready. */
  private static final class Person {
    private final long joinAt;
    volatile String token;
    volatile long joinSentAt;
    volatile long joinedAt;
    volatile long enterSentAt;
    volatile long admittedAt;
    volatile long rises;
    volatile boolean lost;
    volatile String failure;

    Person(long joinAt) {
      this.joinAt = joinAt;
    }

    void run(Api api, String event, Tally tally) {
      pauseUntil(joinAt);
      long end = System.nanoTime() + DEADLINE.toNanos();
      joinSentAt = System.nanoTime();
      Reply join = tally.call(() -> api.join(event));
      if (join == null || join.status() != 202) {
        failure = "join " + describe(join);
        return;
      }
      joinedAt = System.nanoTime();
      token = join.body().path("waiting_token").asText();
      long pollAfter = join.body().path("poll_after_ms").asLong();
      long position = join.body().path("position_hint").asLong();
      while (System.nanoTime() < end) {
        pause(Duration.ofMillis(pollAfter));
        Reply status = tally.call(() -> api.status(token));
        if (status == null || status.status() != 200) {
          lost = status != null && status.status() == 404;
          failure = "status " + describe(status);
          return;
        }
        long now = status.body().path("position").asLong();
        rises += now > position ? 1 : 0;
        position = now;
        pollAfter = status.body().path("poll_after_ms").asLong();
        if (status.body().path("ready_for_entry").asBoolean()) {
          enterSentAt = System.nanoTime();
          Reply enter = tally.call(() -> api.enter(token));
          if (enter != null && enter.status() == 200) {
            admittedAt = System.nanoTime();
            return;
          }
          if (enter == null || !"NOT_READY".equals(enter.errorCode())) {
            failure = "enter " + describe(enter);
            return;
          }
          // The event's admission limiter is full for now: wait as told, then poll again.
          pollAfter = 1000 * enter.raw().headers().firstValueAsLong("Retry-After").orElse(1);
        }
      }
      failure = "not admitted within " + DEADLINE;
    }

    private static String describe(Reply reply) {
      return reply == null ? "no answer" : reply.status() + " " + reply.errorCode();
    }
  }

  /** One client polling one token far above its limit, and a neighbour polling at a normal pace. */
  private static final class Greedy {
    final Tally tally = new Tally();
    final Tally neighbour = new Tally();
    volatile String setupFailure;
    private final Api api;
    private final String event;

    Greedy(Api api, String event) {
      this.api = api;
      this.event = event;
    }

    void run(Crowd crowd) {
      Reply join = api.join(event);
      // A neighbour on the same address, polling twice a second as the hint allows at most.
      Reply other = api.join(event);
      if (join.status() != 202 || other.status() != 202) {
        setupFailure =
            "joins of the greedy client and its neighbour: "
                + join.status()
                + ", "
                + other.status();
        return;
      }
      String token = join.body().path("waiting_token").asText();
      String neighbourToken = other.body().path("waiting_token").asText();
      AtomicBoolean greedyDone = new AtomicBoolean();
      Thread polite =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!greedyDone.get()) {
                      neighbour.call(() -> api.status(neighbourToken));
                      pause(Duration.ofMillis(500));
                    }
                  });
      long interval = Duration.ofSeconds(1).toNanos() / GREEDY_PER_SECOND;
      long next = System.nanoTime();
      long end = next + GREEDY_FOR.toNanos();
      while (next < end) {
        tally.call(() -> api.status(token));
        next += interval;
        pauseUntil(next);
      }
      greedyDone.set(true);
      try {
        polite.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Pacing of the offered load, as a client is told to wait: the drill's only timed waits. */
  private static void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }

  private static void pauseUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
