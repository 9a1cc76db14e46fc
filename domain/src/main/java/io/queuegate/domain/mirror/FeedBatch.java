package io.queuegate.domain.mirror;

import java.util.List;

/** Feed entries read in one call, oldest first; empty when the reader is at the feed's end. */
public record FeedBatch(List<FeedEntry> entries) {
  public FeedBatch {
    entries = List.copyOf(entries);
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i).version() <= entries.get(i - 1).version()) {
        throw new IllegalArgumentException("a batch's versions ascend");
      }
    }
  }

  /** A batch with nothing new. */
  public static final FeedBatch EMPTY = new FeedBatch(List.of());

  /** Whether the batch holds no entry. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
