package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A first-come waiter's place as sealed into its waiting token at join
 * (docs/design.md#line-mirror): its sequence number in the line and when it joined, to the second.
 * With it, status can read the waiter's position from the instance's mirror of the line without
 * asking the store.
 */
public record SealedPlace(long sequence, Instant joinedAt) {
  public SealedPlace {
    Objects.requireNonNull(joinedAt);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
  }

  /** The place of a waiter as the store reported it. */
  public static SealedPlace of(Waiter waiter) {
    return new SealedPlace(waiter.sequence(), waiter.joinedAt());
  }
}
