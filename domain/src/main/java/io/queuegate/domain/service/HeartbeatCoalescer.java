package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.WaitingLine;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects heartbeats in memory and sends them to the store in one batch per event, so a status
 * call costs no write of its own.
 */
public final class HeartbeatCoalescer {
  private static final System.Logger LOG = System.getLogger(HeartbeatCoalescer.class.getName());

  // Each set is only ever changed inside the map's per-key update, and flush takes a set out of the
  // map in such an update. A record therefore lands either in the set being flushed or in a new
  // one, never in a set nobody will read again.
  private final ConcurrentHashMap<EventId, Set<WaiterId>> pending = new ConcurrentHashMap<>();
  private final WaitingLine line;
  private final Clock clock;

  public HeartbeatCoalescer(WaitingLine line, Clock clock) {
    this.line = Objects.requireNonNull(line);
    this.clock = Objects.requireNonNull(clock);
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
   * the event's heartbeats wait for the next flush.
   */
  public void flush() {
    for (EventId eventId : pending.keySet()) {
      Set<WaiterId> ids = pending.remove(eventId);
      if (ids == null || ids.isEmpty()) {
        continue;
      }
      try {
        line.touch(eventId, ids, clock.instant());
      } catch (StoreUnavailableException e) {
        pending.compute(eventId, (event, newer) -> withAdded(newer, ids));
        LOG.log(
            Level.WARNING,
            "heartbeats of {0} waiters in event {1} kept for the next flush: {2}",
            ids.size(),
            eventId,
            e.getMessage());
      }
    }
  }

  private static Set<WaiterId> withAdded(Set<WaiterId> ids, Collection<WaiterId> more) {
    Set<WaiterId> result = ids == null ? new HashSet<>() : ids;
    result.addAll(more);
    return result;
  }
}
