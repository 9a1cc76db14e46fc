package io.queuegate.adapter.redis;

import java.time.Duration;
import java.util.List;

/** admit.lua's reply: the admitted waiter, or the first check that refused it. */
sealed interface AdmitReply {

  /** {'admitted', seq, uid, ident, joined ms}: the waiter has left the line, admitted. */
  record Admitted(WaiterFields waiter) implements AdmitReply {}

  /** {'expired'}: the reaper removed the waiter and still remembers it. */
  record Expired() implements AdmitReply {}

  /** {'missing'}: no trace of the waiter. */
  record Missing() implements AdmitReply {}

  /** {'paused'}: the event's admission is paused. */
  record Paused() implements AdmitReply {}

  /** {'not_open'}: the waiter is in a pre-queue that has not opened. */
  record NotOpen() implements AdmitReply {}

  /** {'index_miss', seq}: the waiter exists but no index ranks it; tier 2 may rebuild it. */
  record IndexMiss(long sequence) implements AdmitReply {}

  /** {'beyond', position}: the waiter is outside the ready window. */
  record Beyond(long position) implements AdmitReply {}

  /** {'max_active', retry ms}: too many live admissions until the oldest expires. */
  record MaxActive(Duration retryAfter) implements AdmitReply {}

  /** {'no_capacity', retry ns}: the admission rate limiter refused. */
  record NoCapacity(Duration retryAfter) implements AdmitReply {}

  static AdmitReply from(List<Object> reply) {
    return switch (Replies.tag(reply)) {
      case "admitted" -> new Admitted(WaiterFields.from(reply, 1));
      case "expired" -> new Expired();
      case "missing" -> new Missing();
      case "paused" -> new Paused();
      case "not_open" -> new NotOpen();
      case "index_miss" -> new IndexMiss(Replies.number(reply, 1));
      case "beyond" -> new Beyond(Replies.number(reply, 1));
      case "max_active" -> new MaxActive(Duration.ofMillis(Replies.number(reply, 1)));
      case "no_capacity" -> new NoCapacity(Duration.ofNanos(Replies.number(reply, 1)));
      default -> throw Replies.unexpected(Script.ADMIT, reply);
    };
  }
}
