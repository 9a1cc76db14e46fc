package io.queuegate.domain.mirror;

import io.queuegate.domain.model.EventId;

/**
 * Hears what a mirror of an event's line did, so that event streams can wait on the line instead of
 * a timer (docs/design.md#push). Called by the one thread that follows the event's feed, after each
 * applied batch; it must return at once.
 */
public interface MirrorListener {

  /**
   * The mirror of {@code eventId} applied a batch (or was rebuilt). {@code departures} counts every
   * waiter who left the line in any way since the mirror began, as this instance saw them; it never
   * goes down, and after a rebuild it jumps by at least the line's size, so that anyone waiting for
   * departures looks again.
   */
  void applied(EventId eventId, long departures);

  /** This instance stopped mirroring {@code eventId}: whoever waits on it should look again. */
  void dropped(EventId eventId);

  /** A listener that hears nothing. */
  MirrorListener NONE =
      new MirrorListener() {
        @Override
        public void applied(EventId eventId, long departures) {}

        @Override
        public void dropped(EventId eventId) {}
      };
}
