package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import java.time.Instant;
import java.util.List;

/** One event's counts for the operator, read by stats.lua (read-only, may run on a replica). */
final class EventStatsReader {
  private final ScriptRunner scripts;

  EventStatsReader(ScriptRunner scripts) {
    this.scripts = scripts;
  }

  EventStats stats(EventId eventId, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    List<Object> reply =
        scripts.read(
            Script.STATS,
            List.of(keys.position(), keys.heartbeat(), keys.stats(), keys.live(), keys.legacy()),
            List.of(Long.toString(now.toEpochMilli()), keys.waiterPrefix()));
    return StatsReply.from(reply).toStats();
  }
}
