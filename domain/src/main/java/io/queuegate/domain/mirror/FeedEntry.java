package io.queuegate.domain.mirror;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a line's change feed: the changes one atomic store step made, in order, the feed
 * {@code version} after them, and when the store wrote them ({@code writtenAt}, the store's clock,
 * for measuring how far a mirror lags).
 */
public record FeedEntry(long version, Instant writtenAt, List<LineChange> changes) {
  public FeedEntry {
    if (version <= 0) {
      throw new IllegalArgumentException("an entry's version is positive");
    }
    if (writtenAt == null) {
      throw new IllegalArgumentException("an entry has a time");
    }
    changes = List.copyOf(changes);
  }
}
