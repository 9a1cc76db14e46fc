package io.queuegate.adapter.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.queuegate.domain.model.EventId;

/**
 * Deletes one event: all of its keys by a cursor SCAN for {@code *{E}*} on the node that owns the
 * event's slot (never KEYS), unlinking each page as it comes, then its entry in the active-event
 * index.
 */
final class EventEraser {
  private static final int COUNT = 500;

  private final RedisLink link;
  private final RedisCalls calls;
  private final ActiveEventIndex activeEvents;

  EventEraser(RedisLink link, RedisCalls calls, ActiveEventIndex activeEvents) {
    this.link = link;
    this.calls = calls;
    this.activeEvents = activeEvents;
  }

  void erase(EventId eventId) {
    unlinkAll(new RedisKeys(eventId));
    activeEvents.forget(eventId);
  }

  private void unlinkAll(RedisKeys keys) {
    RedisClusterAsyncCommands<String, String> node = link.slotOwner(keys.position());
    ScanArgs args = ScanArgs.Builder.matches(keys.everything()).limit(COUNT);
    ScanCursor cursor = ScanCursor.INITIAL;
    while (true) {
      KeyScanCursor<String> page = calls.await(node.scan(cursor, args));
      if (!page.getKeys().isEmpty()) {
        calls.await(node.unlink(page.getKeys().toArray(String[]::new)));
      }
      if (page.isFinished()) {
        return;
      }
      cursor = page;
    }
  }
}
