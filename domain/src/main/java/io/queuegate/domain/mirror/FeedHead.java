package io.queuegate.domain.mirror;

/**
 * Where a snapshot of a line starts: the feed's last {@code version} and, read in the same atomic
 * step, how many waited in the pre-queue then and when the line's current run of sequences began
 * ({@code lineStartedMs}, epoch milliseconds as in {@link LineChange.Restarted}; 0 when the store
 * does not know, and then no sealed place is believed, docs/design.md#line-mirror).
 */
public record FeedHead(long version, long preQueue, long lineStartedMs) {
  public FeedHead {
    if (version < 0 || preQueue < 0 || lineStartedMs < 0) {
      throw new IllegalArgumentException("a feed head is not negative");
    }
  }

  /** A head whose line start is unknown. */
  public FeedHead(long version, long preQueue) {
    this(version, preQueue, 0);
  }
}
