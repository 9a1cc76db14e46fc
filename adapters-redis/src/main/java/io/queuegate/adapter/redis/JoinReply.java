package io.queuegate.adapter.redis;

import io.queuegate.domain.model.WaiterId;
import java.util.List;

/**
 * join.lua's reply: a place in the line (new or the identity's existing one), a full line, or an
 * event being deleted.
 */
sealed interface JoinReply {

  /** {'full'}: max_waiting reached; nothing was written. */
  record Full() implements JoinReply {}

  /** {'erasing'}: the event is being deleted; nothing was written. */
  record Erasing() implements JoinReply {}

  /**
   * {'joined'|'existing', id, seq, uid, ident, joined ms, rank or -1, waits '1'|'0', log seq}.
   *
   * @param rank the 0-based rank in the line, or -1 when the index misses the waiter
   * @param waitsForOpening whether the waiter is in a pre-queue that has not opened
   * @param logSeq the number of the waiter's join record in the log, 0 for one from before the log
   */
  record Placed(
      boolean existing,
      WaiterId id,
      WaiterFields waiter,
      long rank,
      boolean waitsForOpening,
      long logSeq)
      implements JoinReply {}

  static JoinReply from(List<Object> reply) {
    return switch (Replies.tag(reply)) {
      case "full" -> new Full();
      case "erasing" -> new Erasing();
      case "joined", "existing" ->
          new Placed(
              Replies.tag(reply).equals("existing"),
              new WaiterId(Replies.text(reply, 1)),
              WaiterFields.from(reply, 2),
              Replies.number(reply, 6),
              "1".equals(Replies.text(reply, 7)),
              Replies.number(reply, 8));
      default -> throw Replies.unexpected(Script.JOIN, reply);
    };
  }
}
