package io.queuegate.adapter.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Deletes all of one event's keys: a cursor SCAN for {@code *{E}*} on the node that owns the
 * event's slot (never KEYS), unlinking each page as it comes.
 */
final class EventEraser {
  private static final int COUNT = 500;

  private final RedisLink link;
  private final RedisCalls calls;

  EventEraser(RedisLink link, RedisCalls calls) {
    this.link = link;
    this.calls = calls;
  }

  void erase(RedisKeys keys) {
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
