package io.queuegate.domain.model;

import java.util.Objects;

/** A pre-queue entrant and its order score ({@link ShuffleKey.Scorer#orderScore}). */
public record ScoredEntrant(EntrantId entrant, long score) {
  public ScoredEntrant {
    Objects.requireNonNull(entrant);
    if (score < 0 || score >= 1L << ShuffleKey.ORDER_BITS) {
      throw new IllegalArgumentException("an order score has 52 bits");
    }
  }
}
