package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.queuegate.it.Api.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded random crowd on one event over several instances: joins through either instance, leaves,
 * enters of waiters whose last answer said ready, waiters who fall silent, and status calls through
 * either instance, each waiter polled no more often than the mirror's staleness bound. Every status
 * answer is recorded for {@link MirrorAudit}.
 */
final class MirrorPropertyRun {
  /**
   * A waiter the run holds: its token, its sequence (read from its hash in Redis) and its polls.
   */
  static final class Waiter {
    final String token;
    final long seq;
    boolean ready;
    long lastReceivedMs;

    Waiter(String token, long seq, long joinedMs) {
      this.token = token;
      this.seq = seq;
      this.lastReceivedMs = joinedMs;
    }
  }

  private final List<Api> apis;
  private final RedisClusterCommands<String, String> redis;
  private final String event;
  private final Random random;
  private final long gapMs;
  private final List<Waiter> waiting = new ArrayList<>();
  final List<Waiter> silent = new ArrayList<>();
  final List<StatusAnswer> answers = new ArrayList<>();
  final List<Long> admitted = new ArrayList<>();
  final TreeMap<String, Integer> counts = new TreeMap<>();

  MirrorPropertyRun(
      List<Api> apis,
      RedisClusterCommands<String, String> redis,
      String event,
      Random random,
      long gapMs) {
    this.apis = apis;
    this.redis = redis;
    this.event = event;
    this.random = random;
    this.gapMs = gapMs;
  }

  List<Waiter> waiting() {
    return List.copyOf(waiting);
  }

  /** One random step: a poll of the waiter waiting longest for one, or a change of the line. */
  void step(int maxWaiting, boolean silences) {
    Optional<Waiter> due = dueForPoll();
    boolean overdue = due.isPresent() && now() - due.get().lastReceivedMs > 3 * gapMs / 2;
    if (due.isPresent() && (overdue || random.nextDouble() < 0.6)) {
      poll(due.get());
      return;
    }
    if (due.isEmpty() && random.nextDouble() < 0.5) {
      count("idle");
      return;
    }
    double x = random.nextDouble();
    if (waiting.size() < 4 || (x < 0.35 && waiting.size() < maxWaiting)) {
      join();
    } else if (x < 0.55) {
      leave();
    } else if (x < 0.85 && waiting.stream().anyMatch(w -> w.ready)) {
      enter();
    } else if (x < 0.92 && silences && silent.size() < 8) {
      count("silenced");
      silent.add(waiting.remove(random.nextInt(waiting.size())));
    } else if (waiting.size() < maxWaiting) {
      join();
    } else {
      leave();
    }
  }

  /** The waiter whose last answer is oldest, once that is at least the gap ago. */
  Optional<Waiter> dueForPoll() {
    long now = now();
    return waiting.stream()
        .filter(w -> now - w.lastReceivedMs >= gapMs)
        .min(Comparator.comparingLong(w -> w.lastReceivedMs));
  }

  void join() {
    int i = random.nextInt(apis.size());
    Reply r = apis.get(i).join(event);
    assertThat(r.status()).as("join: %s", r.body()).isEqualTo(202);
    String token = r.body().path("waiting_token").asText();
    String waiterId = token.split("~")[1];
    String seq = redis.hget("queue:event:{" + event + "}:w:" + waiterId, "seq");
    assertThat(seq).as("the sequence of %s", waiterId).isNotNull();
    waiting.add(new Waiter(token, Long.parseLong(seq), now()));
    count("joined");
  }

  StatusAnswer poll(Waiter w) {
    int i = random.nextInt(apis.size());
    StatusAnswer a = StatusAnswer.ask(apis.get(i), i, event, w.seq, w.token);
    answers.add(a);
    w.lastReceivedMs = a.receivedAtMs();
    w.ready = a.ready();
    count("status " + a.status() + (a.fromMirror() ? " mirror" : ""));
    if (a.status() == 404) {
      waiting.remove(w);
    }
    return a;
  }

  private void leave() {
    Waiter w = waiting.remove(random.nextInt(waiting.size()));
    Reply r = apis.get(random.nextInt(apis.size())).leave(w.token);
    assertThat(r.status()).isEqualTo(200);
    count("left");
  }

  private void enter() {
    List<Waiter> ready = waiting.stream().filter(w -> w.ready).toList();
    Waiter w = ready.get(random.nextInt(ready.size()));
    Reply r = apis.get(random.nextInt(apis.size())).enter(w.token);
    if (r.status() == 200) {
      waiting.remove(w);
      admitted.add(w.seq);
      count("entered");
    } else if (r.status() == 404) {
      waiting.remove(w);
      count("enter 404 " + r.errorCode());
    } else {
      assertThat(r.errorCode()).as("enter: %s", r.body()).isEqualTo("NOT_READY");
      w.ready = false;
      count("enter NOT_READY");
    }
  }

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  static long now() {
    return System.currentTimeMillis();
  }
}
