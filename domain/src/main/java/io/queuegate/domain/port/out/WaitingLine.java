package io.queuegate.domain.port.out;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** One FIFO line per event: join, find, heartbeat, leave and reap. Every method is atomic. */
public interface WaitingLine {

  /**
   * Adds a waiter with the next sequence number, or, when {@code newWaiter} has an identity that
   * already holds a place, returns that place with {@code existing} set. Sets the waiter's last
   * heartbeat to {@code now}.
   *
   * @param maxWaiting the line's capacity, 0 for none
   * @throws io.queuegate.domain.model.QueueFull when the line holds {@code maxWaiting} waiters
   * @throws io.queuegate.domain.model.EventPaused while the event is being deleted
   */
  Joined join(NewWaiter newWaiter, long maxWaiting, Instant now);

  /**
   * Finds a waiter and its position: 1 plus the number of waiters of the same event with a smaller
   * sequence number who are still waiting (not left, admitted or reaped). So the head of the line
   * is at 1, and a position drops by exactly one each time someone ahead leaves the line in any
   * way. Read-only: it never renews the heartbeat.
   *
   * @throws io.queuegate.domain.model.WaiterNotFound when unknown, left or admitted
   * @throws io.queuegate.domain.model.WaiterExpired when reaped within the remembered window
   */
  WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now);

  /**
   * Records a heartbeat at {@code now} for each waiter still in the line; others are ignored. A
   * heartbeat never moves back: an earlier {@code now} (an instance whose clock lags) changes
   * nothing.
   */
  void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now);

  /** Removes a waiter. Returns whether it was in the line. Idempotent. */
  boolean leave(EventId eventId, WaiterId waiterId, Instant now);

  /**
   * Removes at most {@code limit} waiters whose last heartbeat is before {@code silentSince}, and
   * remembers each as expired for {@code rememberFor}. Safe to run from many instances at once.
   *
   * @return how many waiters this call removed
   */
  int reap(EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now);

  /** Events that have at least one waiter, for the reaper. */
  Set<EventId> activeEvents();

  /** Live counts for one event. */
  EventStats stats(EventId eventId, Instant now);

  /**
   * Deletes every trace of the event: line, admissions, counters and policy included. Joins that
   * arrive meanwhile either end up wholly in the deleted line or are refused with {@code
   * EventPaused}; a store may finish a large delete in the background and refuses joins until it
   * has.
   */
  void deleteEvent(EventId eventId);

  /** Every method {@link #locate} and {@link #join} may report, so metrics can show each from 0. */
  List<PositionMethod> positionMethods();
}
