package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A waiting line that tells {@link StoreOutages} whether the store answered each call, so polls,
 * joins, the heartbeat flush and the reaper all feed this instance's view of the store.
 */
public final class OutageRecordingLine implements WaitingLine {
  private final WaitingLine line;
  private final StoreOutages outages;

  public OutageRecordingLine(WaitingLine line, StoreOutages outages) {
    this.line = Objects.requireNonNull(line);
    this.outages = Objects.requireNonNull(outages);
  }

  @Override
  public Joined join(NewWaiter newWaiter, long maxWaiting, Instant now) {
    return watched(() -> line.join(newWaiter, maxWaiting, now));
  }

  @Override
  public WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now) {
    return watched(() -> line.locate(eventId, waiterId, now));
  }

  @Override
  public void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    watched(
        () -> {
          line.touch(eventId, waiterIds, now);
          return null;
        });
  }

  @Override
  public boolean leave(EventId eventId, WaiterId waiterId, Instant now) {
    return watched(() -> line.leave(eventId, waiterId, now));
  }

  @Override
  public int reap(
      EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now) {
    return watched(() -> line.reap(eventId, silentSince, limit, rememberFor, now));
  }

  @Override
  public Set<EventId> activeEvents() {
    return watched(line::activeEvents);
  }

  @Override
  public EventStats stats(EventId eventId, Instant now) {
    return watched(() -> line.stats(eventId, now));
  }

  @Override
  public void deleteEvent(EventId eventId) {
    watched(
        () -> {
          line.deleteEvent(eventId);
          return null;
        });
  }

  @Override
  public List<PositionMethod> positionMethods() {
    return line.positionMethods();
  }

  private <T> T watched(Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (StoreUnavailableException e) {
      outages.failed();
      throw e;
    } catch (QueueException e) {
      outages.answered(); // "not found", "full" and the like: the store did answer
      throw e;
    }
    outages.answered();
    return result;
  }
}
