package io.queuegate.domain.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A join meant for the pre-queue: the entrant and, when the shuffle key is already final (no public
 * value named, or it was supplied), its order score, so the opening has nothing left to compute.
 */
public record PreQueueEntry(EntrantId entrant, OptionalLong score) {
  public PreQueueEntry {
    Objects.requireNonNull(entrant);
    Objects.requireNonNull(score);
  }
}
