package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes heartbeats by touch.lua, in chunks, and makes sure the event is in the active-event index
 * (once per flush), so waiters who keep polling are never left where the reaper cannot see them.
 */
final class HeartbeatWriter {
  static final int TOUCH_CHUNK = 500;

  private final ScriptRunner scripts;
  private final RedisCalls calls;
  private final ActiveEventIndex activeEvents;

  HeartbeatWriter(ScriptRunner scripts, RedisCalls calls, ActiveEventIndex activeEvents) {
    this.scripts = scripts;
    this.calls = calls;
    this.activeEvents = activeEvents;
  }

  void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    if (waiterIds.isEmpty()) {
      return;
    }
    // Sent first and awaited last, so it costs no round trip of its own.
    CompletableFuture<Long> noted = activeEvents.noteHeartbeat(eventId);
    // In chunks: Redis serves nothing else while a script runs, and one instance's flush can carry
    // tens of thousands of heartbeats of a hot event; in one script that would stall every status
    // call on the shard for tens of milliseconds once a second.
    List<String> keyList = List.of(new RedisKeys(eventId).heartbeat());
    String millis = Long.toString(now.toEpochMilli());
    List<WaiterId> ids = List.copyOf(waiterIds);
    for (int from = 0; from < ids.size(); from += TOUCH_CHUNK) {
      List<WaiterId> chunk = ids.subList(from, Math.min(ids.size(), from + TOUCH_CHUNK));
      List<String> args = new ArrayList<>(chunk.size() + 1);
      args.add(millis);
      chunk.forEach(id -> args.add(id.value()));
      scripts.run(Script.TOUCH, keyList, args);
    }
    try {
      calls.await(noted);
    } catch (StoreUnavailableException e) {
      // The index's shard may be down while the line's is not: the heartbeats count, and the
      // next flush notes the event again.
    }
  }
}
