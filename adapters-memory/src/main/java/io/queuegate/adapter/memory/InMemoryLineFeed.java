package io.queuegate.adapter.memory;

import io.queuegate.domain.mirror.FeedBatch;
import io.queuegate.domain.mirror.FeedHead;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.LineFeed;

/**
 * The change feeds of the lines kept in this process (docs/design.md#feed): each event's ring,
 * written under the event's lock by the operation that changed the line, read under the same lock.
 */
public final class InMemoryLineFeed implements LineFeed {
  private final EventStates registry;

  InMemoryLineFeed(EventStates registry) {
    this.registry = registry;
  }

  @Override
  public FeedHead head(EventId eventId) {
    return registry.peek(
        eventId, state -> new FeedHead(state.feed.version(), state.line.preQueueSize()));
  }

  @Override
  public LinePage page(EventId eventId, long afterSequence, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a page holds at least one sequence");
    }
    return registry.peek(eventId, state -> state.line.page(afterSequence, max));
  }

  @Override
  public FeedBatch read(EventId eventId, long after, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a read takes at least one entry");
    }
    return registry.peek(eventId, state -> state.feed.after(after, max));
  }
}
