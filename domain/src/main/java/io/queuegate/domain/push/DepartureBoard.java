package io.queuegate.domain.push;

import io.queuegate.domain.mirror.MirrorListener;
import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This instance's departure board (docs/design.md#push): for each event its mirror follows, the
 * departures seen so far and the event streams sleeping until a target count. The mirror tells it
 * after every applied batch; a batch wakes only the streams whose target it reached, so it costs
 * O(woken log n) rather than a look at every open stream, and a sleeping stream holds a parked
 * virtual thread and one small entry. An event is known from its first batch until it is dropped;
 * whoever follows the feed drops an event whose mirror is no longer fresh, and streams of an
 * unknown event keep their timer.
 */
public final class DepartureBoard implements MirrorListener, Departures {
  // Far beyond any stream's pacing; it keeps the deadline arithmetic clear of overflow.
  private static final Duration LONGEST_WAIT = Duration.ofDays(1);

  private final ConcurrentMap<EventId, DepartureLine> lines = new ConcurrentHashMap<>();

  @Override
  public void applied(EventId eventId, long departures) {
    lines.computeIfAbsent(eventId, id -> new DepartureLine()).advance(departures);
  }

  @Override
  public void dropped(EventId eventId) {
    DepartureLine line = lines.remove(eventId);
    if (line != null) {
      line.drop();
    }
  }

  @Override
  public OptionalLong seen(EventId eventId) {
    DepartureLine line = lines.get(eventId);
    return line == null ? OptionalLong.empty() : OptionalLong.of(line.departures());
  }

  @Override
  public Wake await(EventId eventId, long target, Duration maxWait) throws InterruptedException {
    DepartureLine line = lines.get(eventId);
    if (line == null) {
      return Wake.UNKNOWN;
    }
    Duration bounded = maxWait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : maxWait;
    return line.await(target, Math.max(0, bounded.toNanos()));
  }

  /** Streams asleep on {@code eventId} now, for tests and measurements. */
  public int sleeping(EventId eventId) {
    DepartureLine line = lines.get(eventId);
    return line == null ? 0 : line.sleeping();
  }
}
