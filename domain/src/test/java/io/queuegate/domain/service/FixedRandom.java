package io.queuegate.domain.service;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the same fraction, to pin the polling hint's jitter. */
final class FixedRandom implements RandomGenerator {
  /** Draws 0.5, which means no jitter at all. */
  static final FixedRandom NO_JITTER = new FixedRandom(0.5);

  private final double fraction;

  FixedRandom(double fraction) {
    this.fraction = fraction;
  }

  @Override
  public double nextDouble() {
    return fraction;
  }

  @Override
  public long nextLong() {
    throw new UnsupportedOperationException("the polling hint draws doubles only");
  }
}
