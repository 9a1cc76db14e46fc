package io.queuegate.adapter.memory;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything one event holds. Guarded by {@link #lock}, as one Redis slot is by its script; a
 * retired state was dropped from the registry and must not be written again.
 */
final class EventState {

  final ReentrantLock lock = new ReentrantLock();
  boolean retired;
  Instant lastWrite = Instant.MIN;

  final Line line = new Line();
  // The line's change feed (docs/design.md#feed), appended to after each operation on the state.
  final FeedRing feed;
  final Expiries<WaiterId> expiredWaiters = new Expiries<>();
  final Expiries<String> liveAdmissions = new Expiries<>();
  final Expiries<String> usedAdmissions = new Expiries<>();
  final AdmissionTimes recentAdmissions = new AdmissionTimes();
  // The public log (docs/design.md#log): goes with the counters, as in Redis.
  final List<LogRecord> log = new ArrayList<>();

  /** The admission limiter's theoretical arrival time, or null while the limiter is full. */
  Instant limiterTat;

  long joined;
  long admitted;
  long left;
  long expired;

  EventState(FeedRing feed) {
    this.feed = feed;
  }

  /** Writes what the operation changed in the line as one feed entry, if it changed anything. */
  void recordChanges(Instant now) {
    List<LineChange> changes = line.drainChanges();
    if (!changes.isEmpty()) {
      feed.append(changes, now);
    }
  }

  /** The number the next log record takes. */
  long nextLogSeq() {
    return log.size() + 1L;
  }

  /** Drops whatever has outlived its time at {@code now}. */
  void purge(Instant now) {
    expiredWaiters.purge(now);
    liveAdmissions.purge(now);
    usedAdmissions.purge(now);
    recentAdmissions.dropUpTo(now.minus(AdmissionWindows.LONGEST));
    if (limiterTat != null && !limiterTat.isAfter(now)) {
      limiterTat = null; // a tat in the past decides exactly like no tat at all
    }
  }

  /** Why {@code id} is not in the line: it was reaped lately, or it is simply unknown. */
  QueueException missing(WaiterId id) {
    return expiredWaiters.contains(id) ? new WaiterExpired() : new WaiterNotFound();
  }

  EventStats stats() {
    return new EventStats(
        line.size(), joined, admitted, left, expired, liveAdmissions.size(), line.oldestJoinedAt());
  }

  /** Holds nothing that lives on by itself; only the counters may be left. */
  boolean holdsNothing() {
    return line.size() == 0
        && expiredWaiters.size() == 0
        && liveAdmissions.size() == 0
        && usedAdmissions.size() == 0
        && recentAdmissions.size() == 0
        && limiterTat == null;
  }

  /** Holds nothing at all, as if the event had never been seen. */
  boolean isBlank() {
    return holdsNothing() && joined == 0 && admitted == 0 && left == 0 && expired == 0;
  }
}
