package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.queuegate.adapter.redis.Await;
import io.queuegate.it.Api.Reply;
import io.queuegate.it.JoinLedger.Audit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drill 1: kill -9 the Redis Cluster primary that owns one event's slot while two queuegate
 * instances serve joins, polls and enters on three events spread over the three shards. Every event
 * is mirrored on its first status call (docs/design.md#line-mirror): after the failover each
 * instance's mirror of each event answers again within the resume target, and no mirror answer in
 * the drill is older than the staleness bound allows, checked against the feeds read from Redis.
 */
@Tag("drill")
class ClusterFailoverDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration RESUME_TARGET = Duration.ofSeconds(15);

  // One run's cast and what it measured, filled in step by step.
  private String durability;
  private DrillCluster cluster;
  private List<Api> apis;
  private Map<String, Long> slots;
  private List<String> events;
  private Tally tally;
  private JoinLedger ledger;
  private Load load;
  private String victim;
  private long slot;
  private String primary;
  private Stopwatch sinceKill;
  private Duration takeover;
  private Duration resumed;
  private long failuresBeforeKill;
  private long failuresAfterResume;
  private Audit audit;
  private final List<StatusAnswer> answers = Collections.synchronizedList(new ArrayList<>());
  private long killedAtMs;
  private long takeoverAtMs;
  private Duration mirrorsBack;
  private long mirrorAnswers;
  private List<String> staleMirrorAnswers;
  private String victimRebuilds;

  @ParameterizedTest(name = "join-durability {0}")
  @ValueSource(strings = {"replica", "none"})
  void primaryKilledUnderLoad_onlyRetryable503s_noAcknowledgedJoinLost_resumesWithin15s(
      String durability) {
    try (DrillCluster cluster = DrillCluster.start(NODE_TIMEOUT)) {
      Map<String, String> env = new HashMap<>(RedisEnv.cluster(cluster.addresses()));
      env.put("QUEUEGATE_REDIS_JOIN_DURABILITY", durability);
      env.put("QUEUEGATE_MIRROR_MIN_RATE_PER_SEC", "0");
      try (ServiceHarness first = ServiceHarness.start(env);
          ServiceHarness second = ServiceHarness.start(env)) {
        this.durability = durability;
        this.cluster = cluster;
        this.apis = List.of(first.api, second.api);
        run();
      }
    }
  }

  private void run() {
    createEventsOnThreeShards();
    startLoad();
    try {
      awaitWarmLoad();
      killVictimsPrimary();
      awaitReplicaTakeover();
      awaitJoinsThroughBothInstances();
      awaitMirrorsBack();
      awaitSteadyLoadAfterResume();
      auditJoins();
      auditMirrors();
      report();
      assertOnlyRetryable503s();
      assertNoFailureOutsideTheFailover();
      assertNobodyAdmittedTwiceOrOutOfOrder();
      assertResumedWithinTarget();
      assertNoAcknowledgedJoinLost();
      assertMirrorsBackWithinTargetAndNeverStale();
    } finally {
      load.close();
    }
  }

  private void createEventsOnThreeShards() {
    slots = eventsOnDistinctShards("fo-" + durability);
    events = List.copyOf(slots.keySet());
    for (String event : events) {
      Reply put =
          apis.get(0)
              .adminPut(
                  event,
                  "{\"ready_window\":30,\"admission_rate_per_sec\":5,\"admission_burst\":5}");
      assertThat(put.status()).isEqualTo(200);
    }
  }

  /** Joins, polls and enters on the three events through both instances. */
  private void startLoad() {
    tally = new Tally();
    ledger = new JoinLedger();
    ledger.listenToStatus(
        (api, event, sent, reply, received) ->
            answers.add(StatusAnswer.of(reply, apis.indexOf(api), event, -1, sent, received)));
    load =
        Load.start(
            "failover-load",
            6,
            8,
            i -> {
              String event = events.get(i % events.size());
              Api api = apis.get(i % apis.size());
              ledger.join(tally, api, event);
              ledger.pollSomeone(tally, api, event);
              ledger.enterHead(tally, api, event);
            });
  }

  private void awaitWarmLoad() {
    long warm = MODE.pick(150L, 600L);
    Await.until(
        Duration.ofSeconds(60), warm + " acknowledged joins", () -> ledger.acknowledged() >= warm);
  }

  private void killVictimsPrimary() {
    failuresBeforeKill = failures();
    victim = events.get(0);
    slot = slots.get(victim);
    primary = cluster.primaryOf(slot).orElseThrow();
    sinceKill = Stopwatch.start();
    killedAtMs = System.currentTimeMillis();
    cluster.kill(primary);
  }

  private void awaitReplicaTakeover() {
    Await.until(
        Duration.ofSeconds(30),
        "a replica to take over slot " + slot,
        () -> cluster.primaryOf(slot).filter(p -> !p.equals(primary)).isPresent());
    takeover = sinceKill.elapsed();
    takeoverAtMs = System.currentTimeMillis();
  }

  /** Resumed: a join on the victim event succeeds through both instances. */
  private void awaitJoinsThroughBothInstances() {
    Await.until(
        sinceKill.left(Duration.ofSeconds(40)),
        "the service to resume within 40 s of the kill",
        () -> apis.stream().allMatch(api -> status(ledger.join(tally, api, victim)) == 202));
    resumed = sinceKill.elapsed();
  }

  /**
   * Every instance's mirror of every event answers again, caught up past the takeover: a mirror
   * answer exact at an entry Redis wrote after the replica took over, which for the victim's event
   * needs a read of the new primary's feed (caught up, or rebuilt from a snapshot).
   */
  private void awaitMirrorsBack() {
    Await.until(
        sinceKill.left(Duration.ofSeconds(40)),
        "mirror answers for every event from both instances after the takeover",
        () -> mirrorsBackAtMs() > 0);
    mirrorsBack = Duration.ofMillis(mirrorsBackAtMs() - killedAtMs);
  }

  /** When the last (instance, event) pair answered from its mirror again; 0 while one has not. */
  private long mirrorsBackAtMs() {
    long last = 0;
    for (int i = 0; i < apis.size(); i++) {
      for (String event : events) {
        int instance = i;
        long first =
            List.copyOf(answers).stream()
                .filter(a -> a.instance() == instance && a.event().equals(event))
                .filter(a -> a.fromMirror() && caughtUpPast(a, takeoverAtMs))
                .mapToLong(StatusAnswer::sentAtMs)
                .min()
                .orElse(0);
        if (first == 0) {
          return 0;
        }
        last = Math.max(last, first);
      }
    }
    return last;
  }

  /** Whether a mirror answer's version is an entry Redis wrote after {@code epochMs}. */
  private static boolean caughtUpPast(StatusAnswer a, long epochMs) {
    return FeedHistory.writtenAtMs(a.mirrorVersion().getAsLong()) > epochMs;
  }

  /** Each mirror answer against its event's feed as the cluster holds it after the drill. */
  private void auditMirrors() {
    List<StatusAnswer> all = List.copyOf(answers);
    mirrorAnswers = all.stream().filter(StatusAnswer::fromMirror).count();
    staleMirrorAnswers = new ArrayList<>();
    RedisClusterClient client =
        RedisClusterClient.create(
            cluster.addresses().stream().map(a -> RedisURI.create("redis://" + a)).toList());
    try (StatefulRedisClusterConnection<String, String> redis = client.connect()) {
      for (String event : events) {
        MirrorAudit mirrors =
            new MirrorAudit(FeedHistory.read(redis.sync(), event), MirrorPropertySuite.BOUND_MS);
        staleMirrorAnswers.addAll(
            mirrors.staleAnswers(all.stream().filter(a -> a.event().equals(event)).toList()));
      }
    } finally {
      client.shutdown();
    }
    victimRebuilds =
        apis.stream().map(api -> rebuilds(api, victim)).collect(Collectors.joining(" / "));
  }

  private static String rebuilds(Api api, String event) {
    Matcher m =
        Pattern.compile(
                "(?m)^queue_mirror_rebuilds_total\\{event=\""
                    + Pattern.quote(event)
                    + "\"} (\\S+)$")
            .matcher(api.get("/metrics").raw().body());
    return m.find() ? m.group(1) : "none";
  }

  /** Steady again: the load runs on and must not fail any more. */
  private void awaitSteadyLoadAfterResume() {
    long failuresAtResume = failures();
    long acksAtResume = ledger.acknowledged();
    Await.until(
        MODE.pick(Duration.ofSeconds(30), Duration.ofSeconds(90)),
        "load after resume",
        () -> ledger.acknowledged() >= acksAtResume + MODE.pick(100L, 600L));
    load.stop();
    failuresAfterResume = failures() - failuresAtResume;
  }

  private void auditJoins() {
    audit = ledger.audit(apis.get(1), Duration.ofSeconds(20));
  }

  private void report() {
    new DrillTable("Drill 1: cluster primary failover, join-durability " + durability)
        .row(
            "load held",
            String.format(
                "2 instances, 3 events on 3 shards, %s, %d requests" + " (%.0f/s)",
                load.describe(), tally.total(), tally.perSecond()))
        .row(
            "faults injected",
            "kill -9 of primary "
                + primary
                + " (slot "
                + slot
                + " of "
                + victim
                + "); replica took over after "
                + DrillTable.seconds(takeover))
        .row("requests by status", tally.byStatus())
        .row("requests failed by status code", tally.failures())
        .row("503 without Retry-After", tally.unavailableWithoutRetryAfter())
        .row(
            "failures before the kill / after resume",
            failuresBeforeKill + " / " + failuresAfterResume)
        .row(
            "acknowledged joins lost",
            audit.lost()
                + " of "
                + audit.acknowledged()
                + " ("
                + audit.waiting()
                + " still waiting, "
                + audit.admitted()
                + " admitted, "
                + audit.unknownEnters()
                + " enters with unknown outcome)")
        .row("order violations among waiters", audit.orderViolations())
        .row("waiters admitted twice", audit.doubleAdmissions())
        .row("recovery time", DrillTable.seconds(resumed) + " from the kill (target 15 s)")
        .row(
            "mirrors answering again",
            DrillTable.seconds(mirrorsBack)
                + " from the kill, every instance and event; victim's rebuilds per instance "
                + victimRebuilds)
        .row(
            "mirror answers past the staleness bound",
            staleMirrorAnswers.size() + " of " + mirrorAnswers + " mirror answers")
        .print();
  }

  private void assertOnlyRetryable503s() {
    assertThat(tally.serverErrorsOtherThan503()).as("5xx other than 503").isZero();
    assertThat(tally.noAnswer()).as("requests without an answer").isZero();
    assertThat(tally.unavailableWithoutRetryAfter()).as("503 without Retry-After").isZero();
  }

  private void assertNoFailureOutsideTheFailover() {
    assertThat(failuresBeforeKill).as("failures before the kill").isZero();
    assertThat(failuresAfterResume).as("failures after resume").isZero();
  }

  private void assertNobodyAdmittedTwiceOrOutOfOrder() {
    assertThat(audit.doubleAdmissions()).as("waiters admitted twice").isZero();
    assertThat(audit.orderViolations()).as("waiters out of join order").isZero();
  }

  private void assertResumedWithinTarget() {
    assertThat(resumed).as("time to resume").isLessThanOrEqualTo(RESUME_TARGET);
  }

  /** Only with replica durability: without it, a join acknowledged just before the kill may go. */
  private void assertNoAcknowledgedJoinLost() {
    if (durability.equals("replica")) {
      assertThat(audit.lost()).as("acknowledged joins lost").isZero();
    }
  }

  private void assertMirrorsBackWithinTargetAndNeverStale() {
    assertThat(mirrorsBack)
        .as("time until every mirror answers again")
        .isLessThanOrEqualTo(RESUME_TARGET);
    assertThat(mirrorAnswers).as("mirror answers").isGreaterThan(100);
    assertThat(staleMirrorAnswers).as("mirror answers past the staleness bound").isEmpty();
  }

  /** Requests without an answer plus 5xx answers so far. */
  private long failures() {
    long sum = tally.noAnswer();
    for (int code = 500; code < 600; code++) {
      sum += tally.count(code);
    }
    return sum;
  }

  private static int status(Reply r) {
    return r == null ? -1 : r.status();
  }

  /** Three event ids whose keys live on three different primaries, with their slots. */
  private Map<String, Long> eventsOnDistinctShards(String prefix) {
    Map<String, Long> found = new LinkedHashMap<>();
    List<String> owners = new ArrayList<>();
    for (int i = 0; found.size() < 3; i++) {
      String event = prefix + "-" + i;
      long eventSlot = cluster.keySlot("queue:event:{" + event + "}:position");
      String owner = cluster.primaryOf(eventSlot).orElseThrow();
      if (!owners.contains(owner)) {
        owners.add(owner);
        found.put(event, eventSlot);
      }
    }
    return found;
  }
}
