package io.queuegate.domain.model;

/**
 * A waiter's estimated seconds to admission: the point estimate and a range that the actual wait
 * should fall within most of the time ({@code lowSec <= sec <= highSec}).
 */
public record Eta(long sec, long lowSec, long highSec) {
  public Eta {
    if (lowSec < 0 || lowSec > sec || sec > highSec) {
      throw new IllegalArgumentException(
          "ETA range out of order: " + lowSec + " " + sec + " " + highSec);
    }
  }

  /** No wait at all. */
  public static final Eta NONE = new Eta(0, 0, 0);
}
