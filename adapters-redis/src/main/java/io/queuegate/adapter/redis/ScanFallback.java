package io.queuegate.adapter.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterStanding;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Tier 2 of the position: when the index misses, counts the waiting entries ahead by a cursor SCAN
 * over the event's per-waiter keys on the node that owns the event's slot (COUNT 100, pipelined
 * reads of each entry's sequence), bounded by a key count and a time budget, counting each waiter
 * once ({@link ScanTally}), and puts every entry it read back into the index. Past the bounds it
 * answers from the legacy ZSET (tier 3) when it can.
 */
final class ScanFallback {
  private static final int COUNT = 100;
  private static final int REINDEX_BATCH = 500;

  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final RedisSettings settings;

  ScanFallback(RedisLink link, RedisCalls calls, ScriptRunner scripts, RedisSettings settings) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.settings = settings;
  }

  /** The waiter's exact standing by SCAN, or by the legacy ZSET when the SCAN ran out of bounds. */
  WaiterStanding standing(RedisKeys keys, Waiter waiter) {
    OptionalLong position = position(keys, waiter);
    if (position.isPresent()) {
      return new WaiterStanding(waiter, position.getAsLong(), PositionMethods.SCAN);
    }
    Long rank =
        settings.legacyZset()
            ? calls.await(link.commands().zrank(keys.legacy(), waiter.id().value()))
            : null;
    if (rank == null) {
      throw new StoreUnavailableException("position index missing and SCAN out of bounds", null);
    }
    return new WaiterStanding(waiter, rank + 1, PositionMethods.LEGACY);
  }

  /** 1 + the waiting entries with a smaller sequence; empty when the bounds cut the SCAN short. */
  OptionalLong position(RedisKeys keys, Waiter waiter) {
    RedisClusterAsyncCommands<String, String> node = link.slotOwner(keys.position());
    ScanArgs args = ScanArgs.Builder.matches(keys.waiterPattern()).limit(COUNT);
    long deadline = System.nanoTime() + settings.scanBudget().toNanos();
    ScanTally tally = new ScanTally(keys.waiterPrefix(), waiter.id().value(), waiter.sequence());
    int seen = 0;
    ScanCursor cursor = ScanCursor.INITIAL;
    boolean complete = false;
    while (seen < settings.scanMaxKeys() && System.nanoTime() < deadline) {
      KeyScanCursor<String> page = calls.await(node.scan(cursor, args));
      List<RedisFuture<String>> sequences = new ArrayList<>(page.getKeys().size());
      for (String key : page.getKeys()) {
        sequences.add(node.hget(key, "seq"));
      }
      for (int i = 0; i < sequences.size(); i++) {
        tally.add(page.getKeys().get(i), calls.await(sequences.get(i)));
      }
      seen += page.getKeys().size();
      cursor = page;
      if (page.isFinished()) {
        complete = true;
        break;
      }
    }
    if (settings.positionTier() == RedisSettings.PositionTier.INDEX) {
      // A forced SCAN tier never reads the index, so rebuilding it would only add writes.
      reindex(keys, tally.ids());
    }
    return complete ? OptionalLong.of(tally.position()) : OptionalLong.empty();
  }

  private void reindex(RedisKeys keys, List<String> ids) {
    for (int from = 0; from < ids.size(); from += REINDEX_BATCH) {
      List<String> args = new ArrayList<>();
      args.add(keys.waiterPrefix());
      args.add(Script.feedLength(settings));
      args.addAll(ids.subList(from, Math.min(ids.size(), from + REINDEX_BATCH)));
      scripts.run(Script.REINDEX, List.of(keys.position(), keys.feed()), args);
    }
  }
}
