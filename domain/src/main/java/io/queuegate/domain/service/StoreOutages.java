package io.queuegate.domain.service;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The stretches of time in which this instance could not reach the store, so that the reaper does
 * not count them as a waiter's silence: while the store is away, no poll and no heartbeat lands.
 *
 * <p>An outage runs from the store's last answer before a failed call to its first answer after.
 * Any answer ends it, so one unreachable shard of a cluster, whose neighbours still answer, does
 * not count as an outage (see docs/design.md#heartbeat).
 */
public final class StoreOutages {
  private static final System.Logger LOG = System.getLogger(StoreOutages.class.getName());
  // Only outages within the longest heartbeat timeout matter; a flaky store makes many tiny ones,
  // and forgetting the oldest only ever makes the reaper less patient, never wrong for the rest.
  static final int MAX_REMEMBERED = 256;

  /** One stretch without the store, from its last answer before to its first answer after. */
  record Outage(Instant start, Instant end) {}

  private final Clock clock;
  private final Deque<Outage> past = new ArrayDeque<>();
  // The hot path reads these on every store call; the lock is taken only when an outage starts
  // or ends.
  private volatile Instant lastAnswer;
  private volatile Instant downSince;

  public StoreOutages(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    this.lastAnswer = clock.instant();
  }

  /** The store answered a call (a refusal such as "not found" is an answer too). */
  public void answered() {
    Instant now = clock.instant();
    lastAnswer = now;
    if (downSince != null) {
      end(now);
    }
  }

  /** A call failed because the store could not be reached in time. */
  public void failed() {
    if (downSince == null) {
      begin();
    }
  }

  private synchronized void begin() {
    if (downSince == null) {
      downSince = lastAnswer;
    }
  }

  private synchronized void end(Instant now) {
    Instant since = downSince;
    if (since == null) {
      return;
    }
    downSince = null;
    past.addLast(new Outage(since, now));
    if (past.size() > MAX_REMEMBERED) {
      past.removeFirst();
    }
    LOG.log(
        Level.INFO,
        "the store answers again after {0} ms unreachable; the reaper does not count them as"
            + " silence",
        Duration.between(since, now).toMillis());
  }

  /**
   * The instant {@code reachable} before {@code from} when only time in which the store was
   * reachable is counted: every outage in between is stepped over, as if the clock had stopped.
   */
  public Instant rewind(Instant from, Duration reachable) {
    Instant t = from;
    Duration left = reachable;
    List<Outage> newestFirst = newestFirst();
    for (Outage outage : newestFirst) {
      if (!outage.start().isBefore(t)) {
        continue; // after the point we count back from
      }
      Instant end = outage.end().isBefore(t) ? outage.end() : t;
      Duration reachableStretch = Duration.between(end, t);
      if (reachableStretch.compareTo(left) >= 0) {
        break; // the window closes before this outage
      }
      left = left.minus(reachableStretch);
      t = outage.start();
    }
    return t.minus(left);
  }

  private synchronized List<Outage> newestFirst() {
    List<Outage> all = new ArrayList<>(past.size() + 1);
    Instant since = downSince;
    if (since != null) {
      all.add(new Outage(since, clock.instant()));
    }
    past.descendingIterator().forEachRemaining(all::add);
    return all;
  }
}
