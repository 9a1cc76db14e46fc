package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The answer of a store asked to open an event's pre-queue: opened (now or before), or refused
 * because {@code unscored} entrants still have no order score.
 */
public record Opening(Optional<Instant> openedAt, long unscored) {
  public static Opening opened(Instant at) {
    return new Opening(Optional.of(at), 0);
  }

  public static Opening unscored(long count) {
    return new Opening(Optional.empty(), count);
  }
}
