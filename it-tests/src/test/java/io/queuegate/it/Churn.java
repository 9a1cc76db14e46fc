package io.queuegate.it;

import io.queuegate.it.Api.Reply;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Waiters living out their lives against the service: each polls once a second and, by its fate,
 * goes silent (abandons), leaves, or enters when ready. Counts what the clients were told.
 */
final class Churn {
  /** What a waiter will do. */
  enum Fate {
    ABANDON,
    LEAVE,
    ENTER
  }

  private static final long POLL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** One waiter due for its next poll. */
  private record Due(String token, Fate fate, int polls, long at) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(at, ((Due) o).at);
    }
  }

  private final DelayQueue<Due> due = new DelayQueue<>();
  private final Tally tally;
  final AtomicLong joined = new AtomicLong();
  final AtomicLong entered = new AtomicLong();
  final AtomicLong leaves = new AtomicLong();
  final AtomicLong abandoned = new AtomicLong();
  final AtomicLong liveExpired = new AtomicLong();

  Churn(Tally tally) {
    this.tally = tally;
  }

  /** Joins one waiter with a random fate: 30% abandon, 10% leave, 60% enter. */
  void join(Api api, String event) {
    Reply r = tally.call(() -> api.join(event));
    if (r == null || r.status() != 202) {
      return;
    }
    joined.incrementAndGet();
    int roll = ThreadLocalRandom.current().nextInt(100);
    Fate fate = roll < 30 ? Fate.ABANDON : roll < 40 ? Fate.LEAVE : Fate.ENTER;
    due.put(
        new Due(r.body().path("waiting_token").asText(), fate, 0, System.nanoTime() + POLL_NANOS));
  }

  /** Serves the next waiter that is due, waiting at most {@code maxWaitMillis} for one. */
  void step(Api api, long maxWaitMillis) throws InterruptedException {
    Due d = due.poll(maxWaitMillis, TimeUnit.MILLISECONDS);
    if (d == null) {
      return;
    }
    if (d.fate() == Fate.ABANDON && d.polls() >= ThreadLocalRandom.current().nextInt(3)) {
      abandoned.incrementAndGet();
      return;
    }
    if (d.fate() == Fate.LEAVE && d.polls() >= 2) {
      Reply left = tally.call(() -> api.leave(d.token()));
      if (left != null && left.status() == 200) {
        leaves.incrementAndGet();
        return;
      }
    }
    Reply status = tally.call(() -> api.status(d.token()));
    if (status != null && status.status() == 404) {
      liveExpired.incrementAndGet();
      return;
    }
    if (status != null
        && status.status() == 200
        && d.fate() == Fate.ENTER
        && status.body().path("ready_for_entry").asBoolean()) {
      Reply enter = tally.call(() -> api.enter(d.token()));
      if (enter != null && enter.status() == 200) {
        entered.incrementAndGet();
        return;
      }
    }
    due.put(new Due(d.token(), d.fate(), d.polls() + 1, System.nanoTime() + POLL_NANOS));
  }

  /** Everyone still in the line stops polling: they go silent and the reaper must take them. */
  long silenceEveryone() {
    long n = due.size();
    due.clear();
    return n;
  }
}
