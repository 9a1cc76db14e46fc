package io.queuegate.domain.log;

import java.util.List;

/**
 * A page of an event's log as published: up to {@code limit} records after record {@code after},
 * chained. A full page ({@link #full()}) never changes, since records are only ever appended.
 */
public record LogPage(long after, int limit, List<ChainedRecord> records) {
  /** The most records one page holds. */
  public static final int MAX_LIMIT = 1_000;

  public LogPage {
    records = List.copyOf(records);
  }

  public boolean full() {
    return records.size() == limit;
  }
}
