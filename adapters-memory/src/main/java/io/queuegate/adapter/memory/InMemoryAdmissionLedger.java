package io.queuegate.adapter.memory;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.port.out.AdmissionLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Admissions kept in this process: the enter step runs under the event's lock, all or nothing. */
public final class InMemoryAdmissionLedger implements AdmissionLedger {
  private final EventStates registry;

  InMemoryAdmissionLedger(EventStates registry) {
    this.registry = registry;
  }

  @Override
  public Admission admit(AdmissionAttempt attempt, Instant now) {
    return registry.write(
        attempt.eventId(),
        now,
        state -> {
          Line.Place place = state.line.find(attempt.waiterId());
          if (place == null) {
            throw state.missing(attempt.waiterId());
          }
          if (attempt.admissionPaused()) {
            throw NotReady.paused();
          }
          if (state.line.waitsForOpening(place)) {
            throw NotReady.notOpen(Duration.ZERO);
          }
          long position = state.line.position(place);
          Gcra limiter = attempt.limiter();
          if (position > attempt.readyWindow()) {
            throw NotReady.beyondWindow(position, attempt.readyWindow(), limiter.ratePerSecond());
          }
          if (attempt.maxActive() > 0 && state.liveAdmissions.size() >= attempt.maxActive()) {
            Instant earliest = state.liveAdmissions.earliest().orElse(now);
            throw NotReady.maxActive(Duration.between(now, earliest));
          }
          // The limiter is asked last, so a refusal for any other reason costs no capacity.
          Gcra.Decision decision = limiter.decide(state.limiterTat, now);
          if (!decision.allowed()) {
            throw NotReady.noCapacity(decision.retryAfter());
          }
          state.limiterTat = decision.tat();
          state.line.remove(place);
          state.admitted++;
          state.log.add(
              new LogRecord.Admission(
                  state.nextLogSeq(), now, place.logName(), position, attempt.readyWindow()));
          Instant expiresAt = now.plus(attempt.ttl());
          state.liveAdmissions.put(attempt.admissionId(), expiresAt);
          state.recentAdmissions.add(now);
          return new Admission(attempt.admissionId(), place.waiter, now, expiresAt);
        });
  }

  @Override
  public boolean consume(EventId eventId, String admissionId, Instant expiresAt, Instant now) {
    return registry.write(
        eventId,
        now,
        state -> {
          if (state.usedAdmissions.contains(admissionId)) {
            return false;
          }
          // An id this store never saw still counts as used once: its signature was checked.
          state.liveAdmissions.remove(admissionId);
          state.usedAdmissions.put(admissionId, expiresAt);
          return true;
        });
  }

  /** Counts admissions younger than each window: one exactly 60 s old is out of the 60 s one. */
  @Override
  public AdmissionWindows recentAdmissions(EventId eventId, Instant now) {
    return registry.read(
        eventId,
        now,
        state ->
            AdmissionWindows.of(
                AdmissionWindows.SPANS.stream()
                    .map(span -> state.recentAdmissions.countAfter(now.minus(span)))
                    .toList()));
  }

  /** Counts each slot as the windows do, and dates the oldest admission inside the longest one. */
  @Override
  public AdmissionHistory admissionHistory(EventId eventId, Instant now) {
    return registry.read(
        eventId,
        now,
        state -> {
          List<Long> slots = new ArrayList<>(AdmissionHistory.SLOTS);
          long newer = state.recentAdmissions.countAfter(now);
          for (int i = 1; i <= AdmissionHistory.SLOTS; i++) {
            long upTo =
                state.recentAdmissions.countAfter(now.minus(AdmissionHistory.SLOT.multipliedBy(i)));
            slots.add(upTo - newer);
            newer = upTo;
          }
          Instant oldest =
              state.recentAdmissions.earliestAfter(now.minus(AdmissionWindows.LONGEST));
          Duration age =
              oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
          return new AdmissionHistory(slots, age);
        });
  }
}
