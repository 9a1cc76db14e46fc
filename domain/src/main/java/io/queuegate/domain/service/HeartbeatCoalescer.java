package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.WaitingLine;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects heartbeats in memory and sends them to the store in one batch per event, so a status
 * call costs no write of its own; a waiter of a mirrored line is sent once per thinning window
 * ({@link HeartbeatThinning}).
 */
public final class HeartbeatCoalescer {
  private static final System.Logger LOG = System.getLogger(HeartbeatCoalescer.class.getName());

  // Each set is only ever changed inside the map's per-key update, and flush takes a set out of the
  // map in such an update. A record therefore lands either in the set being flushed or in a new
  // one, never in a set nobody will read again.
  private final ConcurrentHashMap<EventId, Set<WaiterId>> pending = new ConcurrentHashMap<>();
  private final WaitingLine line;
  private final Clock clock;
  // When the last flush began that sent every pending heartbeat to the store: everything recorded
  // before it is stored. Raised only by a flush without a single failure.
  private volatile Instant cleanSince;
  // Raised before a flush takes anything out of the map and lowered once it has put back what
  // failed, so nothing is ever in flight unseen.
  private volatile boolean flushing;
  private final HeartbeatThinning thinning = new HeartbeatThinning();

  public HeartbeatCoalescer(WaitingLine line, Clock clock) {
    this.line = Objects.requireNonNull(line);
    this.clock = Objects.requireNonNull(clock);
    this.cleanSince = clock.instant();
  }

  /** Notes a heartbeat for the next flush. */
  public void record(EventId eventId, WaiterId waiterId) {
    pending.compute(
        eventId,
        (event, ids) -> {
          Set<WaiterId> result = ids == null ? new HashSet<>() : ids;
          result.add(waiterId);
          return result;
        });
  }

  /**
   * Notes the heartbeat of the waiter at {@code sequence} of a line this instance mirrors, unless
   * this instance noted it already in the waiter's current thinning window. Only a sequence the
   * mirror placed may be given: it names one waiter of the line.
   */
  public void recordThinned(
      EventId eventId, WaiterId waiterId, long sequence, Duration heartbeatTimeout, Instant now) {
    if (thinning.firstInWindow(eventId, sequence, heartbeatTimeout, now)) {
      record(eventId, waiterId);
    }
  }

  /** Drops a pending heartbeat of a waiter that left or entered. */
  public void forget(EventId eventId, WaiterId waiterId) {
    pending.computeIfPresent(
        eventId,
        (event, ids) -> {
          ids.remove(waiterId);
          return ids.isEmpty() ? null : ids;
        });
  }

  /**
   * Sends every pending heartbeat to the store, one call per event. When the store is unavailable,
   * the event's heartbeats wait for the next flush. One flush runs at a time.
   */
  public synchronized void flush() {
    Instant start = clock.instant();
    thinning.sweep(start);
    flushing = true;
    try {
      boolean clean = true;
      for (EventId eventId : pending.keySet()) {
        clean &= flush(eventId);
      }
      if (clean) {
        cleanSince = start;
      }
    } finally {
      flushing = false;
    }
  }

  private boolean flush(EventId eventId) {
    Set<WaiterId> ids = pending.remove(eventId);
    if (ids == null || ids.isEmpty()) {
      return true;
    }
    try {
      line.touch(eventId, ids, clock.instant());
      return true;
    } catch (StoreUnavailableException e) {
      pending.compute(eventId, (event, newer) -> withAdded(newer, ids));
      LOG.log(
          Level.WARNING,
          "heartbeats of {0} waiters in event {1} kept for the next flush: {2}",
          ids.size(),
          eventId,
          e.getMessage());
      return false;
    }
  }

  /**
   * An instant before which every heartbeat this instance recorded has reached the store: {@code
   * now} when nothing is pending, else the start of the last flush that sent everything. The reaper
   * counts silence from here, so a late or failing flush never costs a waiter its place.
   */
  public Instant flushedUpTo(Instant now) {
    // This order matters: a flush raises its flag before it takes heartbeats out of the map.
    if (pending.isEmpty() && !flushing) {
      return now;
    }
    Instant clean = cleanSince;
    return clean.isBefore(now) ? clean : now;
  }

  private static Set<WaiterId> withAdded(Set<WaiterId> ids, Collection<WaiterId> more) {
    Set<WaiterId> result = ids == null ? new HashSet<>() : ids;
    result.addAll(more);
    return result;
  }
}
