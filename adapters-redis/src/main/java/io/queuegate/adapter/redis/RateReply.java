package io.queuegate.adapter.redis;

import io.queuegate.domain.model.RateDecision;
import java.time.Duration;
import java.util.List;

/** rate_acquire.lua's reply: {allowed (1/0), remaining, retry after ns, reset after ns}. */
record RateReply(boolean allowed, long remaining, Duration retryAfter, Duration resetAfter) {

  static RateReply from(List<Object> reply) {
    return new RateReply(
        Replies.number(reply, 0) == 1,
        Replies.number(reply, 1),
        Duration.ofNanos(Replies.number(reply, 2)),
        Duration.ofNanos(Replies.number(reply, 3)));
  }

  RateDecision toDecision(long limit) {
    return new RateDecision(allowed, limit, remaining, retryAfter, resetAfter);
  }
}
