package io.queuegate.adapter.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;

/**
 * A cursor SCAN for every key of one event ({@code *{E}*}), a page per call, on the node that owns
 * the event's slot; never KEYS.
 */
final class EventKeyScan {
  private static final int COUNT = 500;

  /** One page: the keys it found (possibly none) and whether the SCAN is complete. */
  record Page(List<String> found, boolean last) {}

  private final RedisClusterAsyncCommands<String, String> node;
  private final RedisCalls calls;
  private final ScanArgs args;
  private ScanCursor cursor = ScanCursor.INITIAL;

  EventKeyScan(RedisLink link, RedisCalls calls, RedisKeys keys) {
    this.node = link.slotOwner(keys.position());
    this.calls = calls;
    this.args = ScanArgs.Builder.matches(keys.everything()).limit(COUNT);
  }

  Page next() {
    KeyScanCursor<String> page = calls.await(node.scan(cursor, args));
    cursor = page;
    return new Page(List.copyOf(page.getKeys()), page.isFinished());
  }
}
