package io.queuegate.adapter.memory;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.AdmissionLog;
import java.time.Instant;
import java.util.List;

/** Event logs kept in this process, beside each event's line and counters. */
public final class InMemoryAdmissionLog implements AdmissionLog {
  // Reading a log depends on no clock; the epoch expires nothing on the way.
  private static final Instant UNTIMED = Instant.EPOCH;

  private final EventStates registry;

  InMemoryAdmissionLog(EventStates registry) {
    this.registry = registry;
  }

  @Override
  public List<LogRecord> read(EventId eventId, long after, int limit) {
    return registry.read(
        eventId,
        UNTIMED,
        state -> {
          int from = (int) Math.min(Math.max(after, 0), state.log.size());
          int to = (int) Math.min((long) from + Math.max(limit, 0), state.log.size());
          return List.copyOf(state.log.subList(from, to));
        });
  }
}
