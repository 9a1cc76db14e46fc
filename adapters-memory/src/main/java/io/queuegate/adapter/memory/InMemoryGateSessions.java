package io.queuegate.adapter.memory;

import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.Revocation;
import io.queuegate.domain.port.out.GateSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gate sessions kept in this process. Admitting at once runs under the event's lock, as the queue's
 * enter step does, so it sees the line and the live admissions exactly as they are; the revocations
 * of each event sit in a list of their own, oldest first.
 */
public final class InMemoryGateSessions implements GateSessions {
  private final EventStates registry;
  private final ConcurrentHashMap<EventId, List<Revocation>> revocations =
      new ConcurrentHashMap<>();

  InMemoryGateSessions(EventStates registry) {
    this.registry = registry;
  }

  @Override
  public AtOnceResult admitAtOnce(AtOnceAttempt attempt, Instant now) {
    return registry.write(
        attempt.eventId(),
        now,
        state -> {
          if (!attempt.counted()) {
            if (state.line.size() > 0) {
              return AtOnceResult.LINE_NOT_EMPTY;
            }
            if (attempt.admissionPaused()) {
              return AtOnceResult.PAUSED;
            }
            if (attempt.maxActive() > 0 && state.liveAdmissions.size() >= attempt.maxActive()) {
              return AtOnceResult.MAX_ACTIVE;
            }
            Gcra.Decision decision = attempt.limiter().decide(state.limiterTat, now);
            if (!decision.allowed()) {
              return AtOnceResult.NO_CAPACITY;
            }
            state.limiterTat = decision.tat();
          }
          state.admitted++;
          state.liveAdmissions.put(attempt.admissionId(), attempt.expiresAt());
          state.recentAdmissions.add(now);
          return AtOnceResult.ADMITTED;
        });
  }

  @Override
  public void extend(EventId eventId, Map<String, Instant> expiries, Instant now) {
    registry.write(
        eventId,
        now,
        state -> {
          expiries.forEach(
              (id, until) -> {
                Instant current = state.liveAdmissions.deadline(id);
                if (current != null && until.isAfter(current)) {
                  state.liveAdmissions.put(id, until);
                }
              });
          return null;
        });
  }

  @Override
  public boolean end(EventId eventId, String admissionId, Duration remember, Instant now) {
    boolean live = registry.write(eventId, now, state -> state.liveAdmissions.remove(admissionId));
    revocations.compute(
        eventId,
        (event, list) -> {
          List<Revocation> kept = new ArrayList<>();
          if (list != null) {
            Instant oldest = now.minus(remember);
            list.stream()
                .filter(r -> !r.revokedAt().isBefore(oldest))
                .filter(r -> !r.admissionId().equals(admissionId))
                .forEach(kept::add);
          }
          kept.add(new Revocation(admissionId, now));
          kept.sort((a, b) -> a.revokedAt().compareTo(b.revokedAt()));
          return List.copyOf(kept); // replaced, never changed: readers need no lock
        });
    return live;
  }

  @Override
  public List<Revocation> revokedSince(EventId eventId, Instant since) {
    List<Revocation> list = revocations.get(eventId);
    if (list == null) {
      return List.of();
    }
    return list.stream().filter(r -> !r.revokedAt().isBefore(since)).toList();
  }
}
