package io.queuegate.domain.mirror;

/**
 * A waiter's place as the mirror keys it: its sequence number in the first-come line or in a
 * pre-queue that has not opened, or its slot in the shuffled order once the pre-queue has opened.
 */
public record Place(Kind kind, long key) {

  /** Which ordering a place's key belongs to. */
  public enum Kind {
    /** A first-come waiter, by sequence number. */
    LINE,
    /** A pre-queue entrant before the opening, by sequence number. */
    PRE_QUEUE,
    /** A pre-queue entrant after the opening, by its 0-based slot in the shuffled order. */
    SHUFFLED
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

  /** A pre-queue entrant's place before the opening. */
  public static Place preQueue(long seq) {
    return new Place(Kind.PRE_QUEUE, seq);
  }

  /** A pre-queue entrant's place after the opening. */
  public static Place shuffled(long slot) {
    return new Place(Kind.SHUFFLED, slot);
  }
}
