package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The waiting line in Redis: one script per change, status in one EVALSHA_RO round trip. Each
 * concern has a class of its own; this one only routes the port's calls to them.
 */
final class RedisWaitingLine implements WaitingLine {
  private final LineJoiner joiner;
  private final WaiterLocator locator;
  private final HeartbeatWriter heartbeats;
  private final WaiterRemover remover;
  private final ActiveEventIndex activeEvents;
  private final EventStatsReader stats;
  private final EventEraser eraser;

  RedisWaitingLine(
      RedisLink link,
      RedisCalls calls,
      ScriptRunner scripts,
      ScanFallback fallback,
      ActiveEventIndex activeEvents,
      RedisSettings settings,
      Housekeeping housekeeping) {
    this.joiner = new LineJoiner(link, calls, scripts, fallback, activeEvents, settings);
    this.locator = new WaiterLocator(link, calls, scripts, fallback, settings);
    this.heartbeats = new HeartbeatWriter(scripts, calls, activeEvents);
    this.remover = new WaiterRemover(scripts, housekeeping, settings);
    this.activeEvents = activeEvents;
    this.stats = new EventStatsReader(scripts);
    this.eraser = new EventEraser(link, calls, scripts, activeEvents, housekeeping, settings);
  }

  @Override
  public Joined join(NewWaiter newWaiter, long maxWaiting, Instant now) {
    return joiner.join(newWaiter, maxWaiting, now);
  }

  @Override
  public WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now) {
    return locator.locate(eventId, waiterId, now);
  }

  @Override
  public void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    heartbeats.touch(eventId, waiterIds, now);
  }

  @Override
  public boolean leave(EventId eventId, WaiterId waiterId, Instant now) {
    return remover.leave(eventId, waiterId, now);
  }

  @Override
  public int reap(
      EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now) {
    return remover.reap(eventId, silentSince, limit, rememberFor, now);
  }

  @Override
  public Set<EventId> activeEvents() {
    return activeEvents.activeEvents();
  }

  @Override
  public EventStats stats(EventId eventId, Instant now) {
    return stats.stats(eventId, now);
  }

  @Override
  public void deleteEvent(EventId eventId) {
    eraser.erase(eventId);
  }

  @Override
  public List<PositionMethod> positionMethods() {
    return PositionMethods.ALL;
  }
}
