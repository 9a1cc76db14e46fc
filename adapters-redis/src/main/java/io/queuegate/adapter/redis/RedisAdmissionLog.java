package io.queuegate.adapter.redis;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.AdmissionLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Event logs in Redis: the LIST {@code queue:event:{E}:log} that the line scripts append to
 * (lib_line.lua log_append), read by index on the slot's primary, so a page never lags behind a
 * record a receipt already names.
 */
final class RedisAdmissionLog implements AdmissionLog {
  private final RedisLink link;
  private final RedisCalls calls;

  RedisAdmissionLog(RedisLink link, RedisCalls calls) {
    this.link = link;
    this.calls = calls;
  }

  @Override
  public List<LogRecord> read(EventId eventId, long after, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    String key = new RedisKeys(eventId).log();
    long from = Math.max(after, 0);
    List<String> bodies = calls.await(link.slotOwner(key).lrange(key, from, from + limit - 1));
    List<LogRecord> records = new ArrayList<>(bodies.size());
    for (int i = 0; i < bodies.size(); i++) {
      records.add(LogRecord.parse(from + i + 1, bodies.get(i)));
    }
    return records;
  }
}
