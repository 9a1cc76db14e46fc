package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.it.Api.Reply;
import io.queuegate.it.JoinLedger.Audit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drill 1: kill -9 the Redis Cluster primary that owns one event's slot while two queuegate
 * instances serve joins, polls and enters on three events spread over the three shards.
 */
@Tag("drill")
class ClusterFailoverDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration RESUME_TARGET = Duration.ofSeconds(15);

  @ParameterizedTest(name = "join-durability {0}")
  @ValueSource(strings = {"replica", "none"})
  void primaryKilledUnderLoad_onlyRetryable503s_noAcknowledgedJoinLost_resumesWithin15s(
      String durability) {
    try (DrillCluster cluster = DrillCluster.start(NODE_TIMEOUT)) {
      Map<String, String> env = new HashMap<>(RedisEnv.cluster(cluster.addresses()));
      env.put("QUEUEGATE_REDIS_JOIN_DURABILITY", durability);
      try (ServiceHarness first = ServiceHarness.start(env);
          ServiceHarness second = ServiceHarness.start(env)) {
        run(cluster, durability, List.of(first.api, second.api));
      }
    }
  }

  private static void run(DrillCluster cluster, String durability, List<Api> apis) {
    Map<String, Long> slots = eventsOnDistinctShards(cluster, "fo-" + durability);
    List<String> events = List.copyOf(slots.keySet());
    for (String event : events) {
      Reply put =
          apis.get(0)
              .adminPut(
                  event,
                  "{\"ready_window\":30,\"admission_rate_per_sec\":5,\"admission_burst\":5}");
      assertThat(put.status()).isEqualTo(200);
    }
    Tally tally = new Tally();
    JoinLedger ledger = new JoinLedger();
    Load load =
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
    try {
      long warm = MODE.pick(150L, 600L);
      Await.until(
          Duration.ofSeconds(60),
          warm + " acknowledged joins",
          () -> ledger.acknowledged() >= warm);
      long failuresBeforeKill = tally.noAnswer() + failures(tally);

      String victim = events.get(0);
      long slot = slots.get(victim);
      String primary = cluster.primaryOf(slot).orElseThrow();
      long killedAt = System.nanoTime();
      cluster.kill(primary);

      Await.until(
          Duration.ofSeconds(30),
          "a replica to take over slot " + slot,
          () -> cluster.primaryOf(slot).filter(p -> !p.equals(primary)).isPresent());
      Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);

      // Resumed: a join on the victim event succeeds through both instances.
      long deadline = killedAt + Duration.ofSeconds(40).toNanos();
      while (!apis.stream().allMatch(api -> status(ledger.join(tally, api, victim)) == 202)) {
        assertThat(System.nanoTime()).as("service resumed within 40 s").isLessThan(deadline);
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      Duration resumed = Duration.ofNanos(System.nanoTime() - killedAt);
      long failuresAtResume = tally.noAnswer() + failures(tally);

      // Steady again: the load runs on and must not fail any more.
      long acksAtResume = ledger.acknowledged();
      Await.until(
          MODE.pick(Duration.ofSeconds(30), Duration.ofSeconds(90)),
          "load after resume",
          () -> ledger.acknowledged() >= acksAtResume + MODE.pick(100L, 600L));
      load.stop();
      long failuresAfterResume = tally.noAnswer() + failures(tally) - failuresAtResume;

      Audit audit = ledger.audit(apis.get(1), Duration.ofSeconds(20));
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
          .print();

      assertThat(tally.serverErrorsOtherThan503()).as("5xx other than 503").isZero();
      assertThat(tally.noAnswer()).as("requests without an answer").isZero();
      assertThat(tally.unavailableWithoutRetryAfter()).as("503 without Retry-After").isZero();
      assertThat(failuresBeforeKill).as("failures before the kill").isZero();
      assertThat(failuresAfterResume).as("failures after resume").isZero();
      assertThat(audit.doubleAdmissions()).as("waiters admitted twice").isZero();
      assertThat(audit.orderViolations()).as("waiters out of join order").isZero();
      assertThat(resumed).as("time to resume").isLessThanOrEqualTo(RESUME_TARGET);
      if (durability.equals("replica")) {
        assertThat(audit.lost()).as("acknowledged joins lost").isZero();
      }
    } finally {
      load.close();
    }
  }

  private static int status(Reply r) {
    return r == null ? -1 : r.status();
  }

  private static long failures(Tally tally) {
    long sum = 0;
    for (int code = 500; code < 600; code++) {
      sum += tally.count(code);
    }
    return sum;
  }

  /** Three event ids whose keys live on three different primaries, with their slots. */
  private static Map<String, Long> eventsOnDistinctShards(DrillCluster cluster, String prefix) {
    Map<String, Long> events = new LinkedHashMap<>();
    List<String> owners = new ArrayList<>();
    for (int i = 0; events.size() < 3; i++) {
      String event = prefix + "-" + i;
      long slot = cluster.keySlot("queue:event:{" + event + "}:position");
      String owner = cluster.primaryOf(slot).orElseThrow();
      if (!owners.contains(owner)) {
        owners.add(owner);
        events.put(event, slot);
      }
    }
    return events;
  }
}
