package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A line in front of another that a test can take down, wholly or for heartbeat writes only. */
final class FlakyLine implements WaitingLine {
  private final WaitingLine line;
  private volatile boolean down;
  private volatile boolean touchesFail;

  FlakyLine(WaitingLine line) {
    this.line = line;
  }

  /** Every call fails, as when the store is unreachable. */
  void down(boolean value) {
    down = value;
  }

  /** Only heartbeat writes fail, as when the primary is away but replicas answer reads. */
  void touchesFail(boolean value) {
    touchesFail = value;
  }

  private void check(boolean failing) {
    if (failing) {
      throw new StoreUnavailableException("store unreachable (test)", null);
    }
  }

  @Override
  public Joined join(NewWaiter newWaiter, long maxWaiting, Instant now) {
    check(down);
    return line.join(newWaiter, maxWaiting, now);
  }

  @Override
  public WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now) {
    check(down);
    return line.locate(eventId, waiterId, now);
  }

  @Override
  public void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    check(down || touchesFail);
    line.touch(eventId, waiterIds, now);
  }

  @Override
  public boolean leave(EventId eventId, WaiterId waiterId, Instant now) {
    check(down);
    return line.leave(eventId, waiterId, now);
  }

  @Override
  public int reap(
      EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now) {
    check(down);
    return line.reap(eventId, silentSince, limit, rememberFor, now);
  }

  @Override
  public Set<EventId> activeEvents() {
    check(down);
    return line.activeEvents();
  }

  @Override
  public EventStats stats(EventId eventId, Instant now) {
    check(down);
    return line.stats(eventId, now);
  }

  @Override
  public void deleteEvent(EventId eventId) {
    check(down);
    line.deleteEvent(eventId);
  }

  @Override
  public List<PositionMethod> positionMethods() {
    return line.positionMethods();
  }
}
