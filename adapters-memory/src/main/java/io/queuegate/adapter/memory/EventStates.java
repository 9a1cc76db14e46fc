package io.queuegate.adapter.memory;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.ShuffleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The per-event states and policies the in-memory ports share. Each operation runs under its
 * event's lock. An event that holds nothing is dropped at once; one whose counters are all that is
 * left is dropped after {@code idleRetention} without writes, unless an operator configured it.
 */
final class EventStates {
  /** How long the counters of an unconfigured, idle event stay visible in its stats. */
  static final Duration DEFAULT_IDLE_RETENTION = Duration.ofHours(1);

  /** How many entries each event's change feed keeps (docs/design.md#feed). */
  static final int DEFAULT_FEED_LENGTH = 100_000;

  private static final int SWEEP_VISITS = 2;

  private final ConcurrentMap<EventId, EventState> events = new ConcurrentHashMap<>();
  private final ConcurrentMap<EventId, EventState> active = new ConcurrentHashMap<>();
  private final ConcurrentMap<EventId, QueuePolicy> policies = new ConcurrentHashMap<>();
  // Operator configuration like a policy: goes with the policy and with the event.
  private final ConcurrentMap<EventId, ShuffleState> shuffles = new ConcurrentHashMap<>();
  private final Sweeper<EventId, EventState> sweeper = new Sweeper<>(events, this::dropIfIdle);
  private final Duration idleRetention;
  private final int feedLength;
  // Feed versions of every event: never reused, so a line begun again never repeats one.
  private final AtomicLong feedVersions = new AtomicLong();

  EventStates(Duration idleRetention) {
    this(idleRetention, DEFAULT_FEED_LENGTH);
  }

  EventStates(Duration idleRetention, int feedLength) {
    if (feedLength < 1) {
      throw new IllegalArgumentException("a feed keeps at least one entry");
    }
    this.idleRetention = idleRetention;
    this.feedLength = feedLength;
  }

  /** Runs a write on the event's state, creating it when needed, then sweeps a little. */
  <T> T write(EventId eventId, Instant now, Function<EventState, T> operation) {
    try {
      return run(eventId, now, true, operation);
    } finally {
      sweeper.sweep(now, SWEEP_VISITS);
    }
  }

  /** Runs a read on the event's state; an unknown event reads as an empty one. */
  <T> T read(EventId eventId, Instant now, Function<EventState, T> operation) {
    return run(eventId, now, false, operation);
  }

  /**
   * Runs a read on the event's state without expiring anything (so without a clock); an unknown
   * event reads as an empty one.
   */
  <T> T peek(EventId eventId, Function<EventState, T> operation) {
    while (true) {
      EventState state = events.get(eventId);
      if (state == null) {
        return operation.apply(newState());
      }
      state.lock.lock();
      try {
        if (!state.retired) {
          return operation.apply(state);
        }
      } finally {
        state.lock.unlock();
      }
    }
  }

  Set<EventId> activeEvents() {
    return Set.copyOf(active.keySet());
  }

  /** Forgets every trace of the event, policy included. */
  void delete(EventId eventId) {
    EventState state = events.get(eventId);
    if (state != null) {
      state.lock.lock();
      try {
        retire(eventId, state);
      } finally {
        state.lock.unlock();
      }
    }
    policies.remove(eventId);
    shuffles.remove(eventId);
  }

  ConcurrentMap<EventId, QueuePolicy> policies() {
    return policies;
  }

  ConcurrentMap<EventId, ShuffleState> shuffles() {
    return shuffles;
  }

  /** Whether the event's pre-queue was opened. */
  boolean opened(EventId eventId) {
    ShuffleState shuffle = shuffles.get(eventId);
    return shuffle != null && shuffle.opened();
  }

  /** Events with a state in memory, for tests of the cleanup. */
  int trackedEvents() {
    return events.size();
  }

  private <T> T run(
      EventId eventId, Instant now, boolean write, Function<EventState, T> operation) {
    while (true) {
      EventState state = write ? events.computeIfAbsent(eventId, id -> newState()) : null;
      if (state == null) {
        state = events.get(eventId);
        if (state == null) {
          EventState empty = newState(); // not registered: a read leaves no trace
          return operation.apply(empty);
        }
      }
      state.lock.lock();
      try {
        if (state.retired) {
          continue; // deleted or dropped meanwhile: work on the state that replaces it
        }
        state.purge(now);
        if (write && now.isAfter(state.lastWrite)) {
          state.lastWrite = now;
        }
        return operation.apply(state);
      } finally {
        if (!state.retired) {
          // Also after a refusal thrown half way: whatever the line did must reach the feed.
          state.recordChanges(now);
          settle(eventId, state);
        }
        state.lock.unlock();
      }
    }
  }

  /** Keeps the active set exact and drops a state that holds nothing; runs under the lock. */
  private EventState newState() {
    return new EventState(new FeedRing(feedLength, feedVersions));
  }

  private void settle(EventId eventId, EventState state) {
    if (state.isBlank()) {
      retire(eventId, state);
    } else if (state.line.size() > 0) {
      active.put(eventId, state);
    } else {
      active.remove(eventId, state);
    }
  }

  private void dropIfIdle(EventId eventId, EventState state, Instant now) {
    if (!state.lock.tryLock()) {
      return; // busy, so not idle
    }
    try {
      if (state.retired) {
        return;
      }
      state.purge(now);
      boolean idle =
          state.holdsNothing()
              && !policies.containsKey(eventId)
              && !now.isBefore(state.lastWrite.plus(idleRetention));
      if (idle || state.isBlank()) {
        retire(eventId, state);
      }
    } finally {
      state.lock.unlock();
    }
  }

  private void retire(EventId eventId, EventState state) {
    state.retired = true;
    events.remove(eventId, state);
    active.remove(eventId, state);
  }
}
