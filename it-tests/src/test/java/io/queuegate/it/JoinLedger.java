package io.queuegate.it;

import io.queuegate.adapter.redis.Await;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the load was told: every join acknowledged with 202 (with when it was sent and answered),
 * every admission granted, every enter whose outcome is unknown. At the end it audits the store
 * through HTTP: acknowledged joins lost, order kept, nobody admitted twice.
 */
final class JoinLedger {
  /** One acknowledged join; {@code seq} is the order in which acknowledgements arrived. */
  record Ack(String event, String token, long seq, long sentAt, long ackedAt) {}

  /** The audit's findings. */
  record Audit(
      long acknowledged,
      long waiting,
      long admitted,
      long lost,
      long orderViolations,
      long doubleAdmissions,
      long unknownEnters) {}

  private final AtomicLong seq = new AtomicLong();
  private final Map<String, List<Ack>> acks = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentSkipListMap<Long, Ack>> toEnter = new ConcurrentHashMap<>();
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();
  private final Set<String> unknownEnters = ConcurrentHashMap.newKeySet();
  private final AtomicLong doubleAdmissions = new AtomicLong();
  private volatile StatusListener statusListener = (api, event, sentAt, reply, receivedAt) -> {};

  /** Hears each status answer the ledger's polls get, with when it was asked and answered. */
  interface StatusListener {
    /** {@code sentAtMs} and {@code receivedAtMs} are epoch milliseconds. */
    void heard(Api api, String event, long sentAtMs, Reply reply, long receivedAtMs);
  }

  /** From now on, {@code listener} hears every status answer (the mirror drills read them). */
  void listenToStatus(StatusListener listener) {
    this.statusListener = listener;
  }

  /** Joins {@code event}; a 202 is recorded as acknowledged. */
  Reply join(Tally tally, Api api, String event) {
    long sent = System.nanoTime();
    Reply r = tally.call(() -> api.join(event));
    if (r != null && r.status() == 202) {
      Ack ack =
          new Ack(
              event,
              r.body().path("waiting_token").asText(),
              seq.incrementAndGet(),
              sent,
              System.nanoTime());
      acks.computeIfAbsent(event, e -> Collections.synchronizedList(new ArrayList<>())).add(ack);
      toEnter.computeIfAbsent(event, e -> new ConcurrentSkipListMap<>()).put(ack.seq(), ack);
    }
    return r;
  }

  /** Polls a random acknowledged waiter of {@code event} (its heartbeat). */
  void pollSomeone(Tally tally, Api api, String event) {
    List<Ack> list = acks.get(event);
    if (list == null || list.isEmpty()) {
      return;
    }
    Ack ack;
    synchronized (list) {
      ack = list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }
    if (!admitted.contains(ack.token())) {
      status(tally, api, ack);
    }
  }

  /** Takes the earliest waiter not yet admitted and, when its status says ready, enters it. */
  void enterHead(Tally tally, Api api, String event) {
    ConcurrentSkipListMap<Long, Ack> queue = toEnter.get(event);
    Map.Entry<Long, Ack> head = queue == null ? null : queue.pollFirstEntry();
    if (head == null) {
      return;
    }
    Ack ack = head.getValue();
    Reply status = status(tally, api, ack);
    if (status != null && status.status() == 404) {
      return; // gone: the audit decides whether that was a loss
    }
    if (status == null
        || status.status() != 200
        || !status.body().path("ready_for_entry").asBoolean()) {
      queue.put(head.getKey(), ack);
      return;
    }
    Reply enter = tally.call(() -> api.enter(ack.token()));
    if (enter != null && enter.status() == 200) {
      if (!admitted.add(ack.token())) {
        doubleAdmissions.incrementAndGet();
      }
    } else if (enter == null || enter.status() >= 500) {
      unknownEnters.add(ack.token());
      queue.put(head.getKey(), ack);
    } else if (enter.status() == 403) {
      queue.put(head.getKey(), ack);
    }
  }

  private Reply status(Tally tally, Api api, Ack ack) {
    long sent = System.currentTimeMillis();
    Reply r = tally.call(() -> api.status(ack.token()));
    if (r != null) {
      statusListener.heard(api, ack.event(), sent, r, System.currentTimeMillis());
    }
    return r;
  }

  long acknowledged() {
    return seq.get();
  }

  /**
   * Checks every acknowledged join through {@code api}, retrying a 503 until {@code patience} runs
   * out: still waiting (in acknowledgement order), admitted by us, or lost.
   */
  Audit audit(Api api, Duration patience) {
    long waiting = 0;
    long lost = 0;
    long orderViolations = 0;
    long doubles = doubleAdmissions.get();
    for (List<Ack> list : acks.values()) {
      List<long[]> standing = new ArrayList<>(); // {position, sentAt, ackedAt}
      for (Ack ack : List.copyOf(list)) {
        if (admitted.contains(ack.token())) {
          // Admitted once already: a second enter must never succeed.
          Reply again = settled(() -> api.enter(ack.token()), patience);
          if (again.status() == 200) {
            doubles++;
          }
          continue;
        }
        Reply r = settled(() -> api.status(ack.token()), patience);
        if (r.status() == 200) {
          waiting++;
          long position = r.body().path("position").asLong();
          standing.add(new long[] {position, ack.sentAt(), ack.ackedAt()});
        } else if (!unknownEnters.contains(ack.token())) {
          lost++;
        }
      }
      standing.sort(Comparator.comparingLong(s -> s[0]));
      // A join acknowledged before another was even sent must stand ahead of it.
      long latestSentAhead = Long.MIN_VALUE;
      for (long[] s : standing) {
        if (s[2] < latestSentAhead) {
          orderViolations++;
        }
        latestSentAhead = Math.max(latestSentAhead, s[1]);
      }
    }
    return new Audit(
        seq.get(), waiting, admitted.size(), lost, orderViolations, doubles, unknownEnters.size());
  }

  /** The first answer below 500 (a retried 503 or no answer at all does not count). */
  private static Reply settled(Supplier<Reply> call, Duration patience) {
    return Await.until(patience, "an answer below 500", call, r -> r != null && r.status() < 500);
  }
}
