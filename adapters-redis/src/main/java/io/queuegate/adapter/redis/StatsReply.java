package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * stats.lua's reply: {waiting, joined, admitted, left, expired, live, oldest joined ms or -1}.
 *
 * @param oldestJoinedMillis when the head of the line joined, or -1 for an empty line (or a head
 *     known only by the legacy ZSET)
 */
record StatsReply(
    long waiting,
    long joined,
    long admitted,
    long left,
    long expired,
    long live,
    long oldestJoinedMillis) {

  static StatsReply from(List<Object> reply) {
    return new StatsReply(
        Replies.number(reply, 0),
        Replies.number(reply, 1),
        Replies.number(reply, 2),
        Replies.number(reply, 3),
        Replies.number(reply, 4),
        Replies.number(reply, 5),
        Replies.number(reply, 6));
  }

  EventStats toStats() {
    return new EventStats(
        waiting,
        joined,
        admitted,
        left,
        expired,
        live,
        oldestJoinedMillis < 0
            ? Optional.empty()
            : Optional.of(Instant.ofEpochMilli(oldestJoinedMillis)));
  }
}
