package io.queuegate.domain.push;

import java.util.Comparator;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One mirrored event's departures and the streams sleeping on them, ordered by target. A batch
 * wakes the sleepers from the low end of the order until the first target not yet reached: O(woken
 * log n) whatever the number of sleepers. Whoever removes a sleeper from the set (a batch, a drop,
 * or the sleeper itself on timeout or interrupt) decides how it woke, so every sleeper wakes
 * exactly once.
 */
final class DepartureLine {
  private static final Comparator<Sleeper> BY_TARGET =
      Comparator.comparingLong((Sleeper s) -> s.target).thenComparingLong(s -> s.order);

  private final ConcurrentSkipListSet<Sleeper> sleepers = new ConcurrentSkipListSet<>(BY_TARGET);
  private final AtomicLong departures = new AtomicLong();
  private final AtomicLong arrivals = new AtomicLong();
  private volatile boolean dropped;

  long departures() {
    return departures.get();
  }

  int sleeping() {
    return sleepers.size();
  }

  /** Moves the count forward (never back) and wakes every sleeper whose target it reached. */
  void advance(long seen) {
    long now = departures.accumulateAndGet(seen, Math::max);
    Iterator<Sleeper> lowest = sleepers.iterator();
    while (lowest.hasNext()) {
      Sleeper next = lowest.next();
      if (next.target > now) {
        return;
      }
      if (sleepers.remove(next)) {
        next.wake(Wake.REACHED);
      }
    }
  }

  /** Wakes every sleeper: the event is no longer mirrored here. */
  void drop() {
    dropped = true;
    for (Sleeper s : sleepers) {
      if (sleepers.remove(s)) {
        s.wake(Wake.DROPPED);
      }
    }
  }

  Wake await(long target, long maxNanos) throws InterruptedException {
    if (dropped) {
      return Wake.DROPPED;
    }
    if (departures.get() >= target) {
      return Wake.REACHED;
    }
    Sleeper me = new Sleeper(target, arrivals.incrementAndGet(), Thread.currentThread());
    sleepers.add(me);
    // A batch or a drop that landed between the checks above and the add did not see this sleeper;
    // both write before they look at the set, so looking again here cannot miss them.
    if (dropped || departures.get() >= target) {
      if (sleepers.remove(me)) {
        return dropped ? Wake.DROPPED : Wake.REACHED;
      }
    }
    long deadline = System.nanoTime() + maxNanos;
    while (me.woke == null) {
      if (Thread.interrupted()) {
        if (sleepers.remove(me)) {
          throw new InterruptedException();
        }
        Thread.currentThread().interrupt();
        return me.settled();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return sleepers.remove(me) ? Wake.TIMED_OUT : me.settled();
      }
      LockSupport.parkNanos(this, left);
    }
    return me.woke;
  }

  /** A stream asleep until {@code target}; {@code order} keeps equal targets apart in the set. */
  private static final class Sleeper {
    final long target;
    final long order;
    final Thread thread;
    volatile Wake woke;

    Sleeper(long target, long order, Thread thread) {
      this.target = target;
      this.order = order;
      this.thread = thread;
    }

    void wake(Wake why) {
      woke = why;
      LockSupport.unpark(thread);
    }

    /** The wake of a sleeper that another thread removed and is about to (or did) wake. */
    Wake settled() {
      while (woke == null) {
        Thread.onSpinWait();
      }
      return woke;
    }
  }
}
