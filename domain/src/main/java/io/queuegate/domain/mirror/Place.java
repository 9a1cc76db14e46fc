package io.queuegate.domain.mirror;

/**
 * A waiter's place as the feed names it: its sequence number in the first-come line, or the
 * sequence a pre-queue entrant joined with (before or after the opening).
 */
public record Place(Kind kind, long key) {

  /** Which ordering a place's key belongs to. */
  public enum Kind {
    /** A first-come waiter, by sequence number. */
    LINE,
    /** A pre-queue entrant, by the sequence it joined with. */
    PRE_QUEUE
  }

  public Place {
    if (kind == null) {
      throw new IllegalArgumentException("a place has a kind");
    }
    if (key < 0) {
      throw new IllegalArgumentException("a place's key is not negative");
    }
  }

  /** A first-come waiter's place. */
  public static Place line(long seq) {
    return new Place(Kind.LINE, seq);
  }

  /** A pre-queue entrant's place. */
  public static Place preQueue(long seq) {
    return new Place(Kind.PRE_QUEUE, seq);
  }
}
