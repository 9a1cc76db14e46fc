package io.queuegate.adapter.redis;

import io.queuegate.domain.model.AdmissionWindows;
import java.util.List;
import java.util.stream.IntStream;

/**
 * recent.lua's reply: the admissions counted in each ETA window, in the order of {@link
 * AdmissionWindows#SPANS}.
 */
record RecentReply(List<Long> counts) {

  RecentReply {
    counts = List.copyOf(counts);
    if (counts.size() != AdmissionWindows.SPANS.size()) {
      throw new IllegalStateException(
          "recent counted " + counts.size() + " windows, not " + AdmissionWindows.SPANS.size());
    }
  }

  static RecentReply from(List<Object> reply) {
    return new RecentReply(
        IntStream.range(0, reply.size()).mapToObj(i -> Replies.number(reply, i)).toList());
  }

  AdmissionWindows toWindows() {
    return new AdmissionWindows(counts.get(0), counts.get(1), counts.get(2));
  }
}
