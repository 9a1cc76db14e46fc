package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.GateStore;
import io.queuegate.domain.port.out.QueueStore;

/**
 * Builds the in-memory store: all seven store ports and the gate's over one shared set of events,
 * one instance.
 */
public final class InMemoryStores {
  private InMemoryStores() {}

  /** A fresh, empty store. */
  public static QueueStore create() {
    return create(new EventStates(EventStates.DEFAULT_IDLE_RETENTION));
  }

  /** A fresh, empty store whose line feeds keep the last {@code feedLength} entries of each. */
  public static QueueStore create(int feedLength) {
    return create(new EventStates(EventStates.DEFAULT_IDLE_RETENTION, feedLength));
  }

  static QueueStore create(EventStates events) {
    return new QueueStore(
        new InMemoryWaitingLine(events),
        new InMemoryAdmissionLedger(events),
        new InMemoryEventPolicies(events),
        new InMemoryIdempotencyStore(),
        new InMemoryRateLimitBuckets(),
        new InMemoryStoreHealth(),
        new GateStore(new InMemoryRooms(), new InMemoryGateSessions(events)),
        new InMemorySpentChallenges(),
        new InMemoryPreQueue(events),
        new InMemoryAdmissionLog(events),
        new InMemoryLineFeed(events),
        () -> {});
  }
}
