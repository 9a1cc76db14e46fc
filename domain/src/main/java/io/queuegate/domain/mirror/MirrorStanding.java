package io.queuegate.domain.mirror;

/**
 * What the mirror says about a place as of {@code version}: whether it is waiting and how many wait
 * ahead of it (0 at the head; the position is {@code ahead + 1}), and when the line's current run
 * of sequences began ({@code lineStartedMs}, 0 when unknown): a sequence names the same waiter only
 * within one run. Not waiting means the mirror does not hold the place, so the caller asks the
 * store, which knows why.
 */
public record MirrorStanding(boolean waiting, long ahead, long version, long lineStartedMs) {
  public MirrorStanding {
    if (ahead < 0 || (!waiting && ahead != 0)) {
      throw new IllegalArgumentException("only a waiting place has waiters ahead");
    }
    if (lineStartedMs < 0) {
      throw new IllegalArgumentException("a line start is not negative");
    }
  }

  static MirrorStanding absent(long version, long lineStartedMs) {
    return new MirrorStanding(false, 0, version, lineStartedMs);
  }
}
