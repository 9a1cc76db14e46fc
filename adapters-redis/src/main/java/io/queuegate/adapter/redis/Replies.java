package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads script replies: tagged arrays of strings and integers. */
final class Replies {
  private Replies() {}

  static String tag(List<Object> reply) {
    return text(reply, 0);
  }

  static String text(List<Object> reply, int index) {
    Object value = reply.get(index);
    return value == null ? "" : value.toString();
  }

  /** The nested reply at {@code index} (a script answering one list per item). */
  @SuppressWarnings("unchecked")
  static List<Object> list(List<Object> reply, int index) {
    if (reply.get(index) instanceof List<?> nested) {
      return (List<Object>) nested;
    }
    throw new IllegalStateException("expected a nested reply at " + index + ": " + reply);
  }

  static long number(List<Object> reply, int index) {
    Object value = reply.get(index);
    if (value instanceof Long l) {
      return l;
    }
    // Sequences and scores may come back as strings (HGET, ZSCORE); ZSCORE may read "12" or "12.0".
    return (long) Double.parseDouble(value.toString());
  }

  /**
   * A waiter from the fields {seq, uid, ident, joined ms} starting at {@code from}. A joined time
   * of -1 means the per-waiter record is gone (tier 3); the waiter then counts as joined {@code
   * now}.
   */
  static Waiter waiter(EventId event, WaiterId id, List<Object> reply, int from, Instant now) {
    String uid = text(reply, from + 1);
    String ident = text(reply, from + 2);
    long joined = number(reply, from + 3);
    return new Waiter(
        event,
        id,
        number(reply, from),
        uid.isEmpty() ? Optional.empty() : Optional.of(new UserId(uid)),
        ident.isEmpty() ? Optional.empty() : Optional.of(new Identity(ident)),
        joined < 0 ? now : Instant.ofEpochMilli(joined));
  }

  /** Everything the adapter passes to Lua as text. */
  static String flag(boolean on) {
    return on ? "1" : "0";
  }
}
