package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store keeps of an event's opening shuffle: the secret seed, the public value once the
 * operator supplied it, and, once the opening ran, when it did and how many entrants it ordered.
 */
public record ShuffleState(
    ShuffleSeed seed, Optional<String> publicValue, Optional<Instant> openedAt, long entrants) {
  public ShuffleState {
    Objects.requireNonNull(seed);
    Objects.requireNonNull(publicValue);
    Objects.requireNonNull(openedAt);
  }

  /** A state before the opening. */
  public static ShuffleState sealed(ShuffleSeed seed, Optional<String> publicValue) {
    return new ShuffleState(seed, publicValue, Optional.empty(), 0);
  }

  public boolean opened() {
    return openedAt.isPresent();
  }

  /** The effective key with the public value as it stands. */
  public ShuffleKey key() {
    return ShuffleKey.of(seed, publicValue);
  }
}
