package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 2: kill -9 one of two queuegate instances (a process of its own) while waiters poll it. The
 * waiters move to the other instance and keep their places; nobody who kept polling is reaped,
 * although the crashed instance's coalesced heartbeats died with it; the survivor's reaper still
 * removes exactly the waiters who really went silent.
 */
@Tag("drill")
class InstanceCrashDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration FLUSH = Duration.ofSeconds(1);
  private static final Duration POLL_EVERY = Duration.ofSeconds(1);
  private static final int WORKERS = 10;

  /** One waiter as its client sees it: the instance it talks to, and whether it gave up. */
  private static final class Waiter {
    final String token;
    volatile int home;
    final boolean abandons;
    volatile long firstOkAfterKill = Long.MIN_VALUE;
    // Longest time between two answered polls, as the client saw it (and until a 404).
    volatile long lastOk = Long.MIN_VALUE;
    volatile long maxGap;
    volatile boolean reaped;

    void answered(Reply r) {
      long now = System.nanoTime();
      if (r == null || (r.status() != 200 && r.status() != 404)) {
        return;
      }
      if (lastOk != Long.MIN_VALUE) {
        maxGap = Math.max(maxGap, now - lastOk);
      }
      if (r.status() == 200) {
        lastOk = now;
      } else {
        reaped = true;
      }
    }

    /** Polled within the heartbeat timeout all along: the service must keep it. */
    boolean keptTheBeat() {
      return maxGap < HEARTBEAT_TIMEOUT.toNanos();
    }

    Waiter(String token, int home, boolean abandons) {
      this.token = token;
      this.home = home;
      this.abandons = abandons;
    }
  }

  // One run's cast and what it measured, filled in step by step.
  private final String event = "crash-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<List<Waiter>> slices = new ArrayList<>();
  private final AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong joins = new AtomicLong();
  private final AtomicLong unanswered = new AtomicLong();
  private final AtomicBoolean joining = new AtomicBoolean(true);
  private QueuegateProcess victim;
  private List<Api> apis;
  private Tally tally;
  private Load load;
  private Duration before;
  private Stopwatch sinceKill;
  private List<Waiter> atKill;
  private long silent;
  private List<Waiter> live;
  private long expired;
  private long waiting;
  private final List<Long> positions = new ArrayList<>();
  private long lost;
  private long wronglyReaped;
  private long starved;
  private long starvedReaped;
  private long gaps;
  private long duplicates;
  private long movedOver;

  @Test
  void oneOfTwoInstancesKilled_waitersMoveOverKeepTheirPlaces_andOnlySilentOnesAreReaped() {
    Map<String, String> env =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    env.put("QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT" + HEARTBEAT_TIMEOUT.toSeconds() + "S");
    env.put("QUEUEGATE_HEARTBEAT_FLUSH_INTERVAL", "PT" + FLUSH.toSeconds() + "S");
    env.put("QUEUEGATE_REAPER_INTERVAL", "PT1S");
    try (QueuegateProcess victim = QueuegateProcess.start(env);
        ServiceHarness survivor = ServiceHarness.start(env)) {
      this.victim = victim;
      this.apis = List.of(victim.api, survivor.api);
      run();
    }
  }

  private void run() {
    startJoiningAndPolling();
    try {
      letLoadRunBeforeTheCrash();
      killVictim();
      letCrashWindowPass();
      stopJoining();
      awaitSilentWaitersReaped();
      checkLiveWaitersPlaces();
      awaitStoreCountingOnlyTheLiveWaiters();
      load.stop();
      findGapsAndMoveOverTime();
      report();
      assertNoLiveWaiterReapedOrLost();
      assertOnlySilentWaitersReaped();
      assertPlacesKeptWithoutGaps();
      assertNo5xx();
      assertWaitersMovedOverWithinThreePolls();
    } finally {
      load.close();
    }
  }

  /**
   * Each worker joins one new waiter per second, alternating instances, and polls its waiters; one
   * in five of the waiters joined before the crash goes silent at the crash.
   */
  private void startJoiningAndPolling() {
    tally = new Tally();
    for (int i = 0; i < WORKERS; i++) {
      slices.add(new CopyOnWriteArrayList<>());
    }
    load = Load.start("crash-load", WORKERS, 1.0 / POLL_EVERY.toSeconds(), this::joinAndPoll);
  }

  private void joinAndPoll(int worker) {
    boolean killed = System.nanoTime() >= killedAt.get();
    Waiter fresh = joining.get() ? join(joins.getAndIncrement(), killed) : null;
    if (fresh != null) {
      slices.get(worker).add(fresh);
    } else if (joining.get()) {
      // A join in flight at the crash may have taken effect without an answer: that
      // place has no client and is rightly reaped.
      unanswered.incrementAndGet();
    }
    for (Waiter w : slices.get(worker)) {
      if (w.abandons && killed) {
        continue;
      }
      Reply r = poll(w);
      w.answered(r);
      boolean ok = r != null && r.status() == 200;
      if (ok && killed && w.firstOkAfterKill == Long.MIN_VALUE) {
        w.firstOkAfterKill = System.nanoTime();
      }
    }
  }

  private void letLoadRunBeforeTheCrash() {
    before = MODE.pick(Duration.ofSeconds(8), Duration.ofSeconds(30));
    Phase.hold(before);
  }

  private void killVictim() {
    sinceKill = Stopwatch.start();
    killedAt.set(sinceKill.startedAt());
    victim.kill();
    atKill = waiters().toList();
    silent = atKill.stream().filter(w -> w.abandons).count();
  }

  /** The survivor's reaper removes exactly the silent ones, within timeout + flush + pass. */
  private void letCrashWindowPass() {
    Duration after = MODE.pick(Duration.ofSeconds(15), Duration.ofSeconds(60));
    Phase.hold(sinceKill.left(after));
  }

  /** No more joins: the live waiters are a fixed set now, and everyone else must go. */
  private void stopJoining() {
    joining.set(false);
  }

  private void awaitSilentWaitersReaped() {
    // Counted afresh each time: a join already under way when the flag fell may still land.
    Await.until(
        Duration.ofSeconds(15),
        silent + " silent waiters reaped",
        () -> {
          JsonNode s = apis.get(1).adminGet(event).body().path("stats");
          long liveNow = waiters().filter(w -> !w.abandons).count();
          return s.path("expired").asLong() >= silent && s.path("waiting").asLong() <= liveNow;
        });
    live = waiters().filter(w -> !w.abandons).toList();
    Reply stats = apis.get(1).adminGet(event);
    expired = stats.body().path("stats").path("expired").asLong();
    waiting = stats.body().path("stats").path("waiting").asLong();
  }

  /**
   * The store's count of waiters settles on the live ones: a join the crash left unanswered is a
   * silent waiter too, and the reaper takes it within the timeout, a flush and a pass. If the count
   * never settles, the last one read is what the drill reports and asserts.
   */
  private void awaitStoreCountingOnlyTheLiveWaiters() {
    long live = positions.size();
    waiting =
        Await.within(
                HEARTBEAT_TIMEOUT.plus(FLUSH).multipliedBy(3),
                () -> apis.get(1).adminGet(event).body().path("stats").path("waiting").asLong(),
                count -> count == live)
            .orElseGet(
                () -> apis.get(1).adminGet(event).body().path("stats").path("waiting").asLong());
    expired = apis.get(1).adminGet(event).body().path("stats").path("expired").asLong();
  }

  /** Places kept: the live waiters hold exactly positions 1..n. */
  private void checkLiveWaitersPlaces() {
    for (Waiter w : live) {
      Reply r = tally.call(() -> apis.get(1).status(w.token));
      w.answered(r);
      if (r != null && r.status() == 200) {
        positions.add(r.body().path("position").asLong());
      } else if (w.keptTheBeat()) {
        lost++;
      }
    }
    // A client starved of CPU on a busy machine may itself fall silent for longer than the
    // timeout; reaping it is right. Only waiters polled within the timeout all along count.
    wronglyReaped = live.stream().filter(w -> w.reaped && w.keptTheBeat()).count();
    starved = live.stream().filter(w -> !w.keptTheBeat()).count();
    starvedReaped = live.stream().filter(w -> w.reaped && !w.keptTheBeat()).count();
  }

  private void findGapsAndMoveOverTime() {
    positions.sort(Long::compare);
    // Places ahead of the last live waiter that no live waiter holds: only a join the crash left
    // unanswered (it took effect, its client never heard) may hold one until it is reaped.
    gaps = positions.isEmpty() ? 0 : positions.get(positions.size() - 1) - positions.size();
    duplicates = positions.size() - positions.stream().distinct().count();
    movedOver =
        atKill.stream()
            .filter(w -> !w.abandons && w.firstOkAfterKill != Long.MIN_VALUE)
            .mapToLong(w -> w.firstOkAfterKill - sinceKill.startedAt())
            .max()
            .orElse(0);
  }

  private void report() {
    new DrillTable("Drill 2: instance crash")
        .row(
            "load held",
            String.format(
                "2 instances, %d waiters polling every %s s, %s," + " %d requests (%.0f/s)",
                joins.get(),
                POLL_EVERY.toSeconds(),
                load.describe(),
                tally.total(),
                tally.perSecond()))
        .row(
            "faults injected",
            "kill -9 of instance pid "
                + victim.pid()
                + " after "
                + DrillTable.seconds(before)
                + "; "
                + silent
                + " waiters go silent at the crash")
        .row(
            "requests failed by status code",
            tally.failures()
                + " (no answer = calls to the dead instance, each retried on the survivor)")
        .row("acknowledged joins lost", lost + " of " + live.size() + " live waiters")
        .row(
            "live waiters reaped wrongly",
            wronglyReaped
                + " ("
                + starved
                + " clients were"
                + " themselves silent for over the timeout on the busy machine; "
                + starvedReaped
                + " of them reaped)")
        .row(
            "silent waiters reaped",
            expired
                + " of "
                + silent
                + " silent + "
                + unanswered.get()
                + " joins left unanswered by the crash (heartbeat timeout "
                + DrillTable.seconds(HEARTBEAT_TIMEOUT)
                + ", flush "
                + DrillTable.seconds(FLUSH)
                + ")")
        .row(
            "positions of live waiters",
            "1.." + positions.size() + ", gaps: " + gaps + ", store says waiting: " + waiting)
        .row(
            "recovery time",
            DrillTable.seconds(Duration.ofNanos(movedOver))
                + " until the last waiter of the dead instance was served by the survivor")
        .print();
  }

  private void assertNoLiveWaiterReapedOrLost() {
    assertThat(wronglyReaped).as("live waiters reaped").isZero();
    assertThat(lost).as("live waiters lost").isZero();
  }

  private void assertOnlySilentWaitersReaped() {
    assertThat(expired)
        .as("waiters reaped")
        .isBetween(silent, silent + unanswered.get() + starvedReaped);
  }

  private void assertPlacesKeptWithoutGaps() {
    assertThat(duplicates).as("live waiters sharing a position").isZero();
    // Every place ahead that no live waiter holds is a waiter the store still counts (a join whose
    // client never heard, not yet reaped), never a hole in the line.
    assertThat(waiting).isGreaterThanOrEqualTo(positions.size());
    assertThat(gaps)
        .as("places ahead not held by live waiters, beyond the unreaped ones the store counts")
        .isBetween(0L, waiting - positions.size());
  }

  private void assertNo5xx() {
    assertThat(tally.serverErrorsOtherThan503() + tally.count(503)).as("5xx").isZero();
  }

  private void assertWaitersMovedOverWithinThreePolls() {
    assertThat(Duration.ofNanos(movedOver)).isLessThan(POLL_EVERY.multipliedBy(3));
  }

  private Stream<Waiter> waiters() {
    return slices.stream().flatMap(List::stream);
  }

  private Waiter join(long n, boolean killed) {
    int home = killed ? 1 : (int) (n % 2);
    Reply r = tally.call(() -> apis.get(home).join(event));
    if (r == null || r.status() != 202) {
      return null;
    }
    return new Waiter(r.body().path("waiting_token").asText(), home, !killed && n % 5 == 0);
  }

  /** A poll at the waiter's instance; with no answer, the client turns to the other one. */
  private Reply poll(Waiter w) {
    Reply r = tally.call(() -> apis.get(w.home).status(w.token));
    if (r == null) {
      w.home = 1 - w.home;
      r = tally.call(() -> apis.get(w.home).status(w.token));
    }
    return r;
  }
}
