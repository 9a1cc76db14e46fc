package io.queuegate.adapter.http.log;

import io.queuegate.domain.log.LogChain;
import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.model.EventId;
import java.util.List;

/**
 * A page of an event's log: the records with their hashes, the genesis hash the chain starts from,
 * and {@code next_after} to ask for the next page (the last record's number, or {@code after} on an
 * empty page).
 */
public record LogPageResponse(
    String eventId,
    String genesis,
    long after,
    int limit,
    long nextAfter,
    List<LogRecordResponse> records) {

  public static LogPageResponse from(EventId eventId, LogPage page) {
    List<LogRecordResponse> records = page.records().stream().map(LogRecordResponse::from).toList();
    long next = records.isEmpty() ? page.after() : records.getLast().seq();
    return new LogPageResponse(
        eventId.value(), LogChain.genesis(eventId), page.after(), page.limit(), next, records);
  }
}
