package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Status from the line mirror checked against the feed itself (docs/design.md#line-mirror): two
 * instances over one Redis, a seeded random crowd, and every status answer replayed against the
 * feed read straight from Redis. Then the feed breaks (trimmed under the followers, the store
 * frozen past the staleness bound) and the mirror must rebuild or step aside, never serve a wrong
 * or stale position. Subclasses choose the store. The seed is printed; {@code
 * -Dqueuegate.it.mirror.seed=...} replays a run's choices.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class MirrorPropertySuite {
  /** The mirror's staleness bound (queuegate.mirror.staleness, default 1 s). */
  static final long BOUND_MS = 1_000;

  private static final int READY_WINDOW = 5;
  private static final int OPERATIONS = 600;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
  private static final int MIN_MIRROR_ANSWERS = 100;
  private static final Duration LIMIT = Duration.ofSeconds(20);

  /** The service on the store under test, {@code overrides} applied. */
  protected abstract ServiceHarness start(Map<String, String> overrides);

  /** The test's own connection to the store under test. */
  protected abstract RedisClusterCommands<String, String> redis();

  /** The Redis process that holds {@code event}'s keys, to freeze it. */
  protected abstract RedisServer nodeOf(String event);

  @Test
  void aSeededCrowd_everyMirrorAnswerIsExactAtItsVersion_positionsNeverRise_noneAdmittedEarly() {
    long seed = Long.getLong("queuegate.it.mirror.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " seed " + seed);
    Map<String, String> env = new HashMap<>(mirrorEverything());
    env.put("QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT3S");
    env.put("QUEUEGATE_REAPER_INTERVAL", "PT0.5S");
    try (ServiceHarness first = start(env);
        ServiceHarness second = start(env)) {
      String event = newEvent(first.api, "prop");
      MirrorPropertyRun run = run(first, second, event, new Random(seed));
      for (int i = 0; i < 10; i++) {
        run.join();
      }
      long next = System.nanoTime();
      for (int op = 0; op < OPERATIONS; op++) {
        next += TICK_NANOS;
        LockSupport.parkNanos(next - System.nanoTime());
        run.step(20, true);
      }
      // Silent waiters stop polling; the reaper must take every one of them.
      FeedHistory feed =
          Await.until(
              LIMIT,
              "the silent waiters reaped",
              () -> FeedHistory.read(redis(), event),
              f -> run.silent.stream().allMatch(w -> f.leftAt(w.seq).isPresent()));
      System.out.printf(
          "seed %d: %s, %d feed entries, %d silent%n",
          seed, run.counts, feed.entries().size(), run.silent.size());
      MirrorAudit audit = new MirrorAudit(feed, BOUND_MS);

      assertThat(audit.wrongPositions(run.answers)).as("seed %d", seed).isEmpty();
      assertThat(audit.staleAnswers(run.answers)).as("seed %d", seed).isEmpty();
      assertThat(mirrorAnswers(run.answers, 0)).isGreaterThanOrEqualTo(MIN_MIRROR_ANSWERS / 2);
      assertThat(mirrorAnswers(run.answers, 1)).isGreaterThanOrEqualTo(MIN_MIRROR_ANSWERS / 2);
      assertThat(audit.rises(run.answers)).as("seed %d", seed).isEmpty();
      assertThat(audit.spacedPairs(run.answers))
          .as("every waiter's polls at least the bound apart")
          .isEqualTo(consecutivePairs(run.answers))
          .isGreaterThan(50);
      assertThat(run.silent).as("silent waiters").isNotEmpty();
      assertThat(run.admitted).as("admissions").isNotEmpty();
      for (long seq : run.admitted) {
        OptionalLong admittedAt = feed.leftAt(seq);
        assertThat(admittedAt).as("the admission of %d in the feed", seq).isPresent();
        OptionalLong before = feed.positionAt(feed.before(admittedAt.getAsLong()), seq);
        assertThat(before.orElse(Long.MAX_VALUE))
            .as("seed %d: %d admitted at position %s", seed, seq, before)
            .isLessThanOrEqualTo(READY_WINDOW);
      }
    }
  }

  @Test
  void aFeedTrimmedUnderTheFollowers_isRebuiltFrom_andNoMirrorAnswerIsWrong() {
    long seed = Long.getLong("queuegate.it.mirror.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " trim seed " + seed);
    Map<String, String> env = new HashMap<>(mirrorEverything());
    env.put("QUEUEGATE_REDIS_FEED_MAX_LENGTH", "50");
    try (ServiceHarness first = start(env);
        ServiceHarness second = start(env)) {
      String event = newEvent(first.api, "trim");
      MirrorPropertyRun run = run(first, second, event, new Random(seed));
      // The test reads every entry as it is written, so trims lose it nothing.
      FeedHistory feed = new FeedHistory(event);
      for (int i = 0; i < 10; i++) {
        run.join();
        feed.catchUp(redis());
      }
      Await.until(
          LIMIT,
          "mirror answers on both instances",
          () -> {
            run.step(15, false);
            feed.catchUp(redis());
            return mirrorAnswers(run.answers, 0) > 0 && mirrorAnswers(run.answers, 1) > 0;
          });
      List<ServiceHarness> both = List.of(first, second);
      double[] before = both.stream().mapToDouble(h -> rebuilds(h, event)).toArray();

      feed.catchUp(redis());
      redis().xtrim(feed.key(), 0);
      long trimmedAt = MirrorPropertyRun.now();

      Await.until(
          LIMIT,
          "both mirrors rebuilt after the trim",
          () -> {
            run.step(15, false);
            feed.catchUp(redis());
            return rebuilds(first, event) > before[0] && rebuilds(second, event) > before[1];
          });
      // Steps paced as the crowd's, so that waiters come due for their polls.
      long next = System.nanoTime();
      for (long end = MirrorPropertyRun.now() + 4_000; MirrorPropertyRun.now() < end; ) {
        next += TICK_NANOS;
        LockSupport.parkNanos(next - System.nanoTime());
        run.step(15, false);
        feed.catchUp(redis());
      }
      System.out.printf("trim seed %d: %s%n", seed, run.counts);
      MirrorAudit audit = new MirrorAudit(feed, BOUND_MS);
      assertThat(audit.wrongPositions(run.answers)).as("seed %d", seed).isEmpty();
      assertThat(audit.staleAnswers(run.answers)).as("seed %d", seed).isEmpty();
      assertThat(run.answers.stream().filter(a -> a.sentAtMs() > trimmedAt && a.fromMirror()))
          .as("mirror answers after the trim")
          .hasSizeGreaterThan(10);
    }
  }

  @Test
  void aStoreFrozenPastTheBound_movesStatusOffTheMirror_untilItCatchesUpAgain() {
    long seed = Long.getLong("queuegate.it.mirror.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " outage seed " + seed);
    try (ServiceHarness first = start(mirrorEverything());
        ServiceHarness second = start(mirrorEverything())) {
      String event = newEvent(first.api, "outage");
      MirrorPropertyRun run = run(first, second, event, new Random(seed));
      for (int i = 0; i < 8; i++) {
        run.join();
      }
      Await.until(
          LIMIT,
          "mirror answers on both instances",
          () -> {
            run.step(10, false);
            return mirrorAnswers(run.answers, 0) > 0 && mirrorAnswers(run.answers, 1) > 0;
          });
      List<MirrorPropertyRun.Waiter> polled = run.waiting();
      int seen = run.answers.size();

      RedisServer node = nodeOf(event);
      node.freeze();
      long frozenAt = MirrorPropertyRun.now();
      long thawedAt;
      try {
        for (int i = 0; MirrorPropertyRun.now() < frozenAt + 5 * BOUND_MS / 2; i++) {
          run.poll(polled.get(i % polled.size()));
        }
      } finally {
        node.thaw();
        thawedAt = MirrorPropertyRun.now();
      }
      List<StatusAnswer> late =
          run.answers.subList(seen, run.answers.size()).stream()
              .filter(a -> a.sentAtMs() > frozenAt + BOUND_MS + MirrorAudit.SLACK_MS)
              .filter(a -> a.receivedAtMs() < thawedAt)
              .toList();
      assertThat(late).as("answers past the bound while frozen").isNotEmpty();
      assertThat(late)
          .allSatisfy(
              a -> {
                assertThat(a.fromMirror()).as("%s from the mirror", a).isFalse();
                assertThat(a.status() == 503 && a.retryAfter() || a.status() == 200)
                    .as("%s: a store answer or 503 with Retry-After", a)
                    .isTrue();
              });

      int afterThaw = run.answers.size();
      Await.until(
          LIMIT,
          "mirror answers again on both instances",
          () -> {
            polled.forEach(run::poll);
            List<StatusAnswer> since = run.answers.subList(afterThaw, run.answers.size());
            return mirrorAnswers(since, 0) > 0 && mirrorAnswers(since, 1) > 0;
          });
      MirrorAudit audit = new MirrorAudit(FeedHistory.read(redis(), event), BOUND_MS);
      assertThat(audit.wrongPositions(run.answers)).isEmpty();
      assertThat(audit.staleAnswers(run.answers)).isEmpty();
    }
  }

  private static Map<String, String> mirrorEverything() {
    return Map.of("QUEUEGATE_MIRROR_MIN_RATE_PER_SEC", "0");
  }

  private MirrorPropertyRun run(
      ServiceHarness first, ServiceHarness second, String event, Random random) {
    // Polls of one waiter at least the bound apart, and then some for the slack.
    return new MirrorPropertyRun(
        List.of(first.api, second.api), redis(), event, random, BOUND_MS + 200);
  }

  private static String newEvent(Api api, String prefix) {
    String event = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            api.adminPut(
                    event,
                    "{\"ready_window\":"
                        + READY_WINDOW
                        + ",\"admission_rate_per_sec\":100,\"admission_burst\":100}")
                .status())
        .isEqualTo(200);
    return event;
  }

  private static long mirrorAnswers(List<StatusAnswer> answers, int instance) {
    return answers.stream().filter(a -> a.instance() == instance && a.fromMirror()).count();
  }

  private static long consecutivePairs(List<StatusAnswer> answers) {
    Map<Long, Long> perWaiter = new HashMap<>();
    answers.stream()
        .filter(a -> a.status() == 200)
        .forEach(a -> perWaiter.merge(a.seq(), 1L, Long::sum));
    return perWaiter.values().stream().mapToLong(n -> n - 1).sum();
  }

  private static double rebuilds(ServiceHarness service, String event) {
    String metrics = service.api.get("/metrics").raw().body();
    Matcher m =
        Pattern.compile(
                "(?m)^queue_mirror_rebuilds_total\\{event=\""
                    + Pattern.quote(event)
                    + "\"} (\\S+)$")
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
