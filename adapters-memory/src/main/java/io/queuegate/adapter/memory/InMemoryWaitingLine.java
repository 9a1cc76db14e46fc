package io.queuegate.adapter.memory;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The waiting lines kept in this process, one per event, each behind its event's lock. */
public final class InMemoryWaitingLine implements WaitingLine {
  /** Every position comes from the line's own index (a Fenwick tree over sequence numbers). */
  static final PositionMethod INDEX = new PositionMethod("position_index");

  private final EventStates registry;

  InMemoryWaitingLine(EventStates registry) {
    this.registry = registry;
  }

  @Override
  public Joined join(NewWaiter newWaiter, long maxWaiting, Instant now) {
    return registry.write(
        newWaiter.eventId(),
        now,
        state -> {
          Line line = state.line;
          Optional<Line.Place> held = newWaiter.identity().flatMap(line::heldBy);
          if (held.isPresent()) {
            line.heartbeat(held.get(), now);
            return new Joined(standing(line, held.get()), true, held.get().logSeq);
          }
          if (maxWaiting > 0 && line.size() >= maxWaiting) {
            throw new QueueFull();
          }
          // The pre-queue takes joins only until the store opened it, whatever the caller's clock.
          boolean opened = registry.opened(newWaiter.eventId());
          Line.Place place =
              newWaiter.preQueue().isPresent() && !opened
                  ? line.addToPreQueue(
                      newWaiter.eventId(), newWaiter, newWaiter.preQueue().get(), now)
                  : line.add(newWaiter.eventId(), newWaiter, now);
          state.joined++;
          place.logSeq = state.nextLogSeq();
          state.log.add(new LogRecord.Join(place.logSeq, now, place.logName(), place.inPreQueue()));
          return new Joined(standing(line, place), false, place.logSeq);
        });
  }

  @Override
  public WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now) {
    return registry.read(
        eventId,
        now,
        state -> {
          Line.Place place = state.line.find(waiterId);
          if (place == null) {
            throw state.missing(waiterId);
          }
          return standing(state.line, place);
        });
  }

  @Override
  public void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    registry.write(
        eventId,
        now,
        state -> {
          for (WaiterId id : waiterIds) {
            Line.Place place = state.line.find(id);
            if (place != null) {
              state.line.heartbeat(place, now);
            }
          }
          return null;
        });
  }

  @Override
  public boolean leave(EventId eventId, WaiterId waiterId, Instant now) {
    return registry.write(
        eventId,
        now,
        state -> {
          Line.Place place = state.line.find(waiterId);
          if (place == null) {
            return false;
          }
          state.line.remove(place);
          state.left++;
          state.log.add(new LogRecord.Leave(state.nextLogSeq(), now, place.logName()));
          return true;
        });
  }

  @Override
  public int reap(
      EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now) {
    if (limit <= 0) {
      return 0;
    }
    return registry.write(
        eventId,
        now,
        state -> {
          List<Line.Place> silent = state.line.silentBefore(silentSince, limit);
          Instant forgetAt = now.plus(rememberFor);
          for (Line.Place place : silent) {
            state.line.remove(place);
            state.expiredWaiters.put(place.waiter.id(), forgetAt);
            state.log.add(new LogRecord.Expiry(state.nextLogSeq(), now, place.logName()));
          }
          state.expired += silent.size();
          return silent.size();
        });
  }

  @Override
  public Set<EventId> activeEvents() {
    return registry.activeEvents();
  }

  @Override
  public EventStats stats(EventId eventId, Instant now) {
    return registry.read(eventId, now, EventState::stats);
  }

  @Override
  public void deleteEvent(EventId eventId) {
    registry.delete(eventId);
  }

  static WaiterStanding standing(Line line, Line.Place place) {
    return new WaiterStanding(
        place.waiter, line.position(place), INDEX, line.waitsForOpening(place));
  }

  @Override
  public List<PositionMethod> positionMethods() {
    return List.of(INDEX);
  }
}
