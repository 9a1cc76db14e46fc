package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Where a waiter stands: locate.lua in batches (one EVALSHA_RO per batch), tier 2 in Java when the
 * index misses, and a second read on the primary before a replica's "missing" becomes a 404.
 */
final class WaiterLocator {
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final ScanFallback fallback;
  private final RedisSettings settings;
  private final LocateBatches batches;

  WaiterLocator(
      RedisLink link,
      RedisCalls calls,
      ScriptRunner scripts,
      ScanFallback fallback,
      RedisSettings settings) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.fallback = fallback;
    this.settings = settings;
    this.batches =
        new LocateBatches(
            (event, batch) ->
                locateCall(
                    event,
                    batch.stream().map(LocateBatches.Lookup::waiter).toList(),
                    // The latest clock of the batch: a tombstone counts as long as it outlives
                    // that.
                    batch.stream()
                        .map(LocateBatches.Lookup::now)
                        .max(Instant::compareTo)
                        .orElseThrow(),
                    true),
            settings.commandTimeout());
  }

  WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now) {
    // Bounded without a timed park: the batches answer every lookup within the command timeout
    // (plus one tick of their deadline watch), whatever lettuce does with the call. A timed park
    // or orTimeout per call would cost a thread hand-off per status call.
    LocateReply reply = LocateReply.from(calls.join(batches.locate(eventId, waiterId, now)));
    if (reply instanceof LocateReply.Missing
        && settings.readFrom() == RedisSettings.ReadFrom.REPLICA_PREFERRED) {
      // A lagging replica must never produce a false 404: plain EVALSHA goes to the primary.
      reply =
          LocateReply.from(
              Replies.list(calls.await(locateCall(eventId, List.of(waiterId), now, false)), 0));
    }
    return switch (reply) {
      case LocateReply.Index index ->
          new WaiterStanding(
              index.waiter().toWaiter(eventId, waiterId, now),
              index.rank() + 1,
              PositionMethods.INDEX,
              index.waitsForOpening());
      case LocateReply.Scan scan ->
          fallback.standing(new RedisKeys(eventId), scan.waiter().toWaiter(eventId, waiterId, now));
      case LocateReply.Legacy legacy ->
          new WaiterStanding(
              legacy.waiter().toWaiter(eventId, waiterId, now),
              legacy.rank() + 1,
              PositionMethods.LEGACY);
      case LocateReply.Expired expired -> throw new WaiterExpired();
      case LocateReply.Missing missing -> throw new WaiterNotFound();
    };
  }

  /**
   * One locate script call for waiters of one event, as of {@code now}; read-only calls may run on
   * a replica.
   */
  private CompletableFuture<List<Object>> locateCall(
      EventId eventId, List<WaiterId> waiters, Instant now, boolean readOnly) {
    RedisKeys keys = new RedisKeys(eventId);
    List<String> keyList = new ArrayList<>(5 + 2 * waiters.size());
    keyList.add(keys.position());
    keyList.add(keys.legacy());
    keyList.add(keys.preQueue());
    keyList.add(keys.preQueueUnscored());
    keyList.add(keys.shuffle());
    List<String> args = new ArrayList<>(3 + waiters.size());
    args.add(Script.flag(settings.legacyZset()));
    args.add(Long.toString(now.toEpochMilli()));
    args.add(settings.positionTier().name().toLowerCase(Locale.ROOT));
    for (WaiterId waiter : waiters) {
      keyList.add(keys.waiter(waiter));
      keyList.add(keys.tombstone(waiter));
      args.add(waiter.value());
    }
    return scripts.start(Script.LOCATE, readOnly, link.commands(), keyList, args);
  }
}
