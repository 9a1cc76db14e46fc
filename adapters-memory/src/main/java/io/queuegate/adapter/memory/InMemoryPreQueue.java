package io.queuegate.adapter.memory;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Opening;
import io.queuegate.domain.model.ScoredEntrant;
import io.queuegate.domain.model.ShuffleLocked;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.port.out.PreQueue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Pre-queues kept in this process: the shuffle beside the event's policy, the scores and the
 * opening on the event's line, under the event's lock.
 */
public final class InMemoryPreQueue implements PreQueue {
  // Reading and scoring entrants depends on no clock; the epoch expires nothing when the registry
  // tidies the event on the way.
  private static final Instant UNTIMED = Instant.EPOCH;

  private final EventStates registry;

  InMemoryPreQueue(EventStates registry) {
    this.registry = registry;
  }

  @Override
  public Optional<ShuffleState> shuffle(EventId eventId) {
    return Optional.ofNullable(registry.shuffles().get(eventId));
  }

  @Override
  public ShuffleState seal(EventId eventId, ShuffleSeed candidate) {
    return registry
        .shuffles()
        .computeIfAbsent(eventId, id -> ShuffleState.sealed(candidate, Optional.empty()));
  }

  @Override
  public ShuffleState setPublicValue(EventId eventId, String publicValue) {
    return registry
        .shuffles()
        .compute(
            eventId,
            (id, current) -> {
              if (current == null) {
                throw new ShuffleNotFound();
              }
              if (current.opened()) {
                throw new ShuffleLocked(
                    "the sale has opened; the public value can no longer be set");
              }
              if (current.publicValue().isPresent()
                  && !current.publicValue().get().equals(publicValue)) {
                throw new ShuffleLocked("another public value was set before");
              }
              return ShuffleState.sealed(current.seed(), Optional.of(publicValue));
            });
  }

  @Override
  public List<EntrantId> unscored(EventId eventId, int limit) {
    return registry.read(eventId, UNTIMED, state -> state.line.unscored(limit));
  }

  @Override
  public void score(EventId eventId, Collection<ScoredEntrant> scores) {
    registry.read(
        eventId,
        UNTIMED,
        state -> {
          scores.forEach(s -> state.line.score(s.entrant(), s.score()));
          return null;
        });
  }

  @Override
  public Opening open(EventId eventId, Instant now) {
    return registry.write(
        eventId,
        now,
        state -> {
          ShuffleState shuffle = registry.shuffles().get(eventId);
          if (shuffle == null) {
            throw new ShuffleNotFound();
          }
          if (shuffle.opened()) {
            return Opening.opened(shuffle.openedAt().get());
          }
          if (state.line.unscoredCount() > 0) {
            return Opening.unscored(state.line.unscoredCount());
          }
          int entrants = state.line.open();
          state.log.add(
              new LogRecord.Opening(
                  state.nextLogSeq(),
                  now,
                  entrants,
                  shuffle.seed(),
                  shuffle.key(),
                  shuffle.publicValue()));
          registry
              .shuffles()
              .put(
                  eventId,
                  new ShuffleState(
                      shuffle.seed(), shuffle.publicValue(), Optional.of(now), entrants));
          return Opening.opened(now);
        });
  }
}
