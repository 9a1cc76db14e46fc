package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Takes waiters out of the line without admitting them: leave.lua and reap.lua. */
final class WaiterRemover {
  private final ScriptRunner scripts;
  private final Housekeeping housekeeping;
  private final String feedLength;

  WaiterRemover(ScriptRunner scripts, Housekeeping housekeeping, RedisSettings settings) {
    this.scripts = scripts;
    this.housekeeping = housekeeping;
    this.feedLength = Script.feedLength(settings);
  }

  boolean leave(EventId eventId, WaiterId waiterId, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    List<String> keyList = new ArrayList<>(keys.lineKeys());
    keyList.add(keys.waiter(waiterId));
    return CountReply.from(
            scripts.run(
                Script.LEAVE,
                keyList,
                List.of(
                    waiterId.value(),
                    housekeeping.idleRetentionMillis(),
                    Long.toString(now.toEpochMilli()),
                    feedLength)))
        .happened();
  }

  int reap(EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now) {
    if (limit <= 0) {
      return 0;
    }
    RedisKeys keys = new RedisKeys(eventId);
    List<Object> reply =
        scripts.run(
            Script.REAP,
            keys.lineKeys(),
            List.of(
                Long.toString(silentSince.toEpochMilli()),
                Integer.toString(limit),
                Long.toString(Math.max(1, rememberFor.toMillis())),
                keys.waiterPrefix(),
                keys.tombstonePrefix(),
                Long.toString(now.toEpochMilli()),
                housekeeping.idleRetentionMillis(),
                feedLength));
    return (int) CountReply.from(reply).count();
  }
}
