package io.queuegate.adapter.redis;

import io.queuegate.domain.model.AdmissionHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * history.lua's reply: the admissions per slot of {@link AdmissionHistory}, newest first, then the
 * time of the oldest of them in ms (-1 for none).
 */
record HistoryReply(List<Long> slots, long oldestMs) {

  HistoryReply {
    slots = List.copyOf(slots);
    if (slots.size() != AdmissionHistory.SLOTS) {
      throw new IllegalStateException(
          "history counted " + slots.size() + " slots, not " + AdmissionHistory.SLOTS);
    }
  }

  static HistoryReply from(List<Object> reply) {
    int last = reply.size() - 1;
    return new HistoryReply(
        IntStream.range(0, last).mapToObj(i -> Replies.number(reply, i)).toList(),
        Replies.number(reply, last));
  }

  AdmissionHistory toHistory(Instant now) {
    long ageMs = oldestMs < 0 ? 0 : Math.max(0, now.toEpochMilli() - oldestMs);
    return new AdmissionHistory(slots, Duration.ofMillis(ageMs));
  }
}
