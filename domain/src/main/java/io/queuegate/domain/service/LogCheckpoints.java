package io.queuegate.domain.service;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EventId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The chain hash at every {@code every}-th record of recently read logs, kept in this instance so
 * that a page deep in a long log is chained without reading the log from its start. Bounded: at
 * most {@code events} logs, least recently read dropped first; a log of n records keeps n / every
 * marks (2,000 for a sale of a million waiters at the default 1,000).
 */
public final class LogCheckpoints {
  /** A hash and the canonical text of the record it was taken at (to notice a log begun anew). */
  public record Mark(String hash, String canonical) {}

  private final int every;
  private final Map<EventId, NavigableMap<Long, Mark>> marks;

  public LogCheckpoints(int every, int events) {
    this.every = every;
    this.marks =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<EventId, NavigableMap<Long, Mark>> e) {
            return size() > events;
          }
        };
  }

  /** The latest mark at or before record {@code seq}, or null. */
  synchronized Map.Entry<Long, Mark> before(EventId eventId, long seq) {
    NavigableMap<Long, Mark> event = marks.get(eventId);
    return event == null ? null : event.floorEntry(seq);
  }

  /** Keeps the hash of {@code record} if it falls on a mark. */
  synchronized void note(EventId eventId, LogRecord record, String hash) {
    if (record.seq() % every == 0) {
      marks
          .computeIfAbsent(eventId, id -> new TreeMap<>())
          .put(record.seq(), new Mark(hash, record.canonical()));
    }
  }

  synchronized void forget(EventId eventId) {
    marks.remove(eventId);
  }
}
