package io.queuegate.domain.mirror;

/** One change to a line, as the store's change feed will report it and the mirror applies it. */
public sealed interface LineChange {

  /** A first-come join with sequence {@code seq}. */
  record Joined(long seq) implements LineChange {
    public Joined {
      if (seq < 0) {
        throw new IllegalArgumentException("a sequence is not negative");
      }
    }
  }

  /** A join into a pre-queue that has not opened, with sequence {@code seq}. */
  record JoinedPreQueue(long seq) implements LineChange {
    public JoinedPreQueue {
      if (seq < 0) {
        throw new IllegalArgumentException("a sequence is not negative");
      }
    }
  }

  /**
   * A waiter left the line in any way: left, admitted or reaped. A first-come waiter is named by
   * {@link Place#line} with its sequence; a pre-queue entrant, before or after the opening, by
   * {@link Place#preQueue} with the sequence it joined with (after the opening its slot moves as
   * others leave, so the feed cannot name it by slot).
   */
  record Left(Place place) implements LineChange {
    public Left {
      if (place == null) {
        throw new IllegalArgumentException("a leave names a place");
      }
    }
  }

  /**
   * The pre-queue opened with {@code entrants} entrants, who from then on hold the shuffled slots
   * {@code 0..entrants-1}.
   */
  record Opened(long entrants) implements LineChange {
    public Opened {
      if (entrants < 0) {
        throw new IllegalArgumentException("entrants is not negative");
      }
    }
  }

  /**
   * The line's sequence began again from nothing at {@code atMs} (epoch milliseconds, the clock of
   * the instance whose join began it): every first-come sequence from here on belongs to someone
   * who joined at or after it, so a sequence sealed by a waiter who joined before it may now name
   * somebody else (docs/design.md#feed). 0 says as little as an unknown start.
   */
  record Restarted(long atMs) implements LineChange {
    public Restarted {
      if (atMs < 0) {
        throw new IllegalArgumentException("a restart is not before the epoch");
      }
    }
  }
}
