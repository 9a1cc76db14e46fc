package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event's shuffle as anyone may see it (docs/fairness.md): the schedule and the commitment from
 * the start, the public value once supplied, and after the opening the seed, the effective key,
 * when the opening ran and how many entrants it ordered.
 */
public record ShuffleView(
    EventId eventId,
    SaleSchedule schedule,
    String commitment,
    Optional<String> publicValue,
    Optional<ShuffleSeed> seed,
    Optional<ShuffleKey> key,
    Optional<Instant> openedAt,
    long entrants,
    Instant asOf) {
  public ShuffleView {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(schedule);
    Objects.requireNonNull(commitment);
    Objects.requireNonNull(publicValue);
    Objects.requireNonNull(seed);
    Objects.requireNonNull(key);
    Objects.requireNonNull(openedAt);
    Objects.requireNonNull(asOf);
  }

  /** What may be shown of {@code state} at {@code asOf}: its secrets only once it opened. */
  public static ShuffleView of(
      EventId eventId, SaleSchedule schedule, ShuffleState state, Instant asOf) {
    boolean open = state.opened();
    return new ShuffleView(
        eventId,
        schedule,
        state.seed().commitment(),
        state.publicValue(),
        open ? Optional.of(state.seed()) : Optional.empty(),
        open ? Optional.of(state.key()) : Optional.empty(),
        state.openedAt(),
        state.entrants(),
        asOf);
  }
}
