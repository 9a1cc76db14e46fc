package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Writes heartbeats by touch.lua, in chunks. */
final class HeartbeatWriter {
  static final int TOUCH_CHUNK = 500;

  private final ScriptRunner scripts;

  HeartbeatWriter(ScriptRunner scripts) {
    this.scripts = scripts;
  }

  void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    if (waiterIds.isEmpty()) {
      return;
    }
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
  }
}
