package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A waiter as the scripts return it, {seq, uid, ident, joined ms} (lib_waiter.lua); "" for no user
 * or identity. A joined time of -1 means the per-waiter record is gone (tier 3).
 */
record WaiterFields(long sequence, String userId, String identity, long joinedMillis) {
  /** The four fields starting at {@code from}. */
  static WaiterFields from(List<Object> reply, int from) {
    return new WaiterFields(
        Replies.number(reply, from),
        Replies.text(reply, from + 1),
        Replies.text(reply, from + 2),
        Replies.number(reply, from + 3));
  }

  /** The waiter; one whose joined time is unknown counts as joined {@code now}. */
  Waiter toWaiter(EventId event, WaiterId id, Instant now) {
    return new Waiter(
        event,
        id,
        sequence,
        userId.isEmpty() ? Optional.empty() : Optional.of(new UserId(userId)),
        identity.isEmpty() ? Optional.empty() : Optional.of(new Identity(identity)),
        joinedMillis < 0 ? now : Instant.ofEpochMilli(joinedMillis));
  }
}
