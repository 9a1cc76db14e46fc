package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.GateSessions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the new expiries of renewed sessions and sends them to the store in one call per event,
 * as the heartbeat coalescer does for waiters, so that a gate check never writes. A renewal happens
 * at most once per fraction of the idle timeout per session, and the store's expiry is still that
 * far ahead when it does, so a flush every second or so is always in time.
 */
public final class SessionRenewals {
  private static final System.Logger LOG = System.getLogger(SessionRenewals.class.getName());

  // Each map is only changed inside the outer map's per-key update, and flush takes a map out in
  // such an update, so a renewal lands in the map being flushed or in a new one, never in neither.
  private final ConcurrentHashMap<EventId, Map<String, Instant>> pending =
      new ConcurrentHashMap<>();
  private final GateSessions sessions;
  private final Clock clock;

  public SessionRenewals(GateSessions sessions, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Notes that the admission now lives until {@code expiresAt}. */
  public void record(EventId eventId, String admissionId, Instant expiresAt) {
    pending.compute(
        eventId,
        (event, expiries) -> {
          Map<String, Instant> result = expiries == null ? new HashMap<>() : expiries;
          result.merge(admissionId, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
          return result;
        });
  }

  /** Sends every pending renewal; an event's renewals that fail wait for the next flush. */
  public void flush() {
    for (EventId eventId : pending.keySet()) {
      Map<String, Instant> expiries = pending.remove(eventId);
      if (expiries == null || expiries.isEmpty()) {
        continue;
      }
      try {
        sessions.extend(eventId, expiries, clock.instant());
      } catch (StoreUnavailableException e) {
        expiries.forEach((id, until) -> record(eventId, id, until));
        LOG.log(
            Level.WARNING,
            "renewals of {0} sessions in event {1} kept for the next flush: {2}",
            expiries.size(),
            eventId,
            e.getMessage());
      }
    }
  }
}
