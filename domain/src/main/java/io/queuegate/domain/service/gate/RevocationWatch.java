package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Revocation;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.GateSessions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This instance's copy of the sessions ended early, so that a gate check never reads the store to
 * learn of one. {@link #poll} reads what other instances added since the last poll (the gate's jobs
 * call it every second or so); an end made through this instance applies here at once. Each entry
 * is kept until the session could not be valid anyway (its rooms' longest hard cap).
 */
public final class RevocationWatch {
  private static final System.Logger LOG = System.getLogger(RevocationWatch.class.getName());

  /**
   * Each poll reaches this far behind the previous one, so a revocation stamped by an instance
   * whose clock runs a little behind, or written while the last poll ran, is not missed.
   */
  static final Duration OVERLAP = Duration.ofSeconds(5);

  private final GateSessions sessions;
  private final ConcurrentHashMap<EventId, ConcurrentHashMap<String, Instant>> revoked =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<EventId, Instant> polledAt = new ConcurrentHashMap<>();

  public RevocationWatch(GateSessions sessions) {
    this.sessions = Objects.requireNonNull(sessions);
  }

  /** Whether the admission's session was ended early; no store read. */
  public boolean isRevoked(EventId eventId, String admissionId) {
    Map<String, Instant> ids = revoked.get(eventId);
    return ids != null && ids.containsKey(admissionId);
  }

  /** Notes an end made here, or read from the store, until {@code forgetAt}. */
  public void note(EventId eventId, String admissionId, Instant forgetAt) {
    revoked
        .computeIfAbsent(eventId, e -> new ConcurrentHashMap<>())
        .merge(admissionId, forgetAt, (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * Reads the revocations of {@code events} made since the last poll, and forgets the entries whose
   * time has passed. {@code keep} says how long an event's entries matter. An event whose read
   * fails is read from the same point next time.
   */
  public void poll(Collection<EventId> events, Function<EventId, Duration> keep, Instant now) {
    for (EventId eventId : events) {
      Duration keepFor = keep.apply(eventId);
      Instant since = polledAt.getOrDefault(eventId, now.minus(keepFor)).minus(OVERLAP);
      try {
        for (Revocation revocation : sessions.revokedSince(eventId, since)) {
          note(eventId, revocation.admissionId(), revocation.revokedAt().plus(keepFor));
        }
        polledAt.put(eventId, now);
      } catch (StoreUnavailableException e) {
        LOG.log(Level.DEBUG, "revocations of {0} not read: {1}", eventId, e.getMessage());
      }
    }
    revoked.forEach(
        (eventId, ids) -> {
          ids.values().removeIf(forgetAt -> !forgetAt.isAfter(now));
          if (ids.isEmpty()) {
            revoked.remove(eventId, ids);
          }
        });
    polledAt.keySet().retainAll(events);
  }
}
