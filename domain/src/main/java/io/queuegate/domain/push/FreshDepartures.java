package io.queuegate.domain.push;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The board's departures of the events whose mirror is {@code fresh} now; any other event reads as
 * unknown, so its streams keep their timer while the mirror is built, catches up or is stuck behind
 * the feed (docs/design.md#push). The board alone cannot tell: a quiet line and a stuck follower
 * both stop telling it anything.
 */
public final class FreshDepartures implements Departures {
  private final Departures board;
  private final Predicate<EventId> fresh;

  public FreshDepartures(Departures board, Predicate<EventId> fresh) {
    this.board = Objects.requireNonNull(board);
    this.fresh = Objects.requireNonNull(fresh);
  }

  @Override
  public OptionalLong seen(EventId eventId) {
    return fresh.test(eventId) ? board.seen(eventId) : OptionalLong.empty();
  }

  @Override
  public Wake await(EventId eventId, long target, Duration maxWait) throws InterruptedException {
    return board.await(eventId, target, maxWait);
  }
}
