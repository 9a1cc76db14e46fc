package io.queuegate.domain.port.in;

import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.model.EventId;

/** Reads a page of an event's public log, chained (docs/design.md#log). */
public interface ReadLogUseCase {

  /**
   * Up to {@code limit} records after record {@code after}, with their hashes.
   *
   * @param after 0 or more
   * @param limit 1 to {@link LogPage#MAX_LIMIT}
   */
  LogPage read(EventId eventId, long after, int limit);
}
