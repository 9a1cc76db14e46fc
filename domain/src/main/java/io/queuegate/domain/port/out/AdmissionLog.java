package io.queuegate.domain.port.out;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EventId;
import java.util.List;

/**
 * Reads an event's public log (docs/design.md#log). The stores append its records themselves, in
 * the same atomic step as the change each records: a join, the opening, an admission, a leave, an
 * expiry. Records are numbered from 1 without gaps and never change; the log lives and goes with
 * the event's counters.
 */
public interface AdmissionLog {

  /** Up to {@code limit} records after record {@code after} (0 for the first), in order. */
  List<LogRecord> read(EventId eventId, long after, int limit);
}
