package io.queuegate.domain.mirror;

/**
 * Where a snapshot of a line starts: the feed's last {@code version} and, read in the same atomic
 * step, how many waited in the pre-queue then.
 */
public record FeedHead(long version, long preQueue) {
  public FeedHead {
    if (version < 0 || preQueue < 0) {
      throw new IllegalArgumentException("a feed head is not negative");
    }
  }
}
