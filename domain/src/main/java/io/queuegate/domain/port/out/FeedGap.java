package io.queuegate.domain.port.out;

/**
 * A reader of a {@link LineFeed} asked for entries the feed no longer holds: it must take a new
 * snapshot. Not a client's error, so not a {@code QueueException}.
 */
public final class FeedGap extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FeedGap(String message) {
    super(message);
  }
}
