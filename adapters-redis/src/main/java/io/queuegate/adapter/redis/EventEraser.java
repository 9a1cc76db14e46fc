package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;

/**
 * Deletes one event in bounded steps ({@link EventErasure}), safe against joins that arrive
 * meanwhile: a fence keeps them out ({@code EventPaused}) until the event is gone. The caller's
 * request works for the erase budget, and a background thread finishes the rest. Should that thread
 * fail, every step so far left a whole line: the fence lapses and deleting again finishes it.
 */
final class EventEraser {
  private static final System.Logger LOG = System.getLogger(EventEraser.class.getName());

  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final ActiveEventIndex activeEvents;
  private final Housekeeping housekeeping;
  private final String feedLength;

  EventEraser(
      RedisLink link,
      RedisCalls calls,
      ScriptRunner scripts,
      ActiveEventIndex activeEvents,
      Housekeeping housekeeping,
      RedisSettings settings) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.activeEvents = activeEvents;
    this.housekeeping = housekeeping;
    this.feedLength = Script.feedLength(settings);
  }

  void erase(EventId eventId) {
    EventErasure erasure =
        new EventErasure(eventId, link, calls, scripts, housekeeping, feedLength);
    long deadline = System.nanoTime() + housekeeping.eraseBudget().toNanos();
    do {
      if (erasure.step()) {
        activeEvents.forget(eventId);
        return;
      }
    } while (System.nanoTime() - deadline < 0);
    Thread.ofVirtual().name("queuegate-erase-" + eventId.value()).start(() -> finish(erasure));
  }

  private void finish(EventErasure erasure) {
    try {
      boolean done;
      do {
        done = erasure.step();
      } while (!done);
      activeEvents.forget(erasure.eventId());
    } catch (StoreUnavailableException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "deleting event {0} stopped: {1}. The line left is whole; joins resume once the fence"
              + " lapses, and deleting the event again finishes it",
          erasure.eventId(),
          e.getMessage());
    }
  }
}
