package io.queuegate.adapter.redis;

import java.util.List;

/** One waiter's row of locate.lua's reply: the tier that found it, or why none did. */
sealed interface LocateReply {

  /**
   * {'index', seq, uid, ident, joined ms, rank, waits}: tier 1, the 0-based rank in the line, and
   * whether the waiter is in a pre-queue that has not opened.
   */
  record Index(WaiterFields waiter, long rank, boolean waitsForOpening) implements LocateReply {}

  /** {'scan', seq, uid, ident, joined ms, -1}: the hash exists but the index misses it (tier 2). */
  record Scan(WaiterFields waiter) implements LocateReply {}

  /** {'legacy', seq, '', '', -1, rank}: only the legacy ZSET knows the waiter (tier 3). */
  record Legacy(WaiterFields waiter, long rank) implements LocateReply {}

  /** {'expired'}: the reaper removed the waiter and still remembers it. */
  record Expired() implements LocateReply {}

  /** {'missing'}: no trace of the waiter. */
  record Missing() implements LocateReply {}

  static LocateReply from(List<Object> row) {
    return switch (Replies.tag(row)) {
      case "index" ->
          new Index(
              WaiterFields.from(row, 1), Replies.number(row, 5), "1".equals(Replies.text(row, 6)));
      case "scan" -> new Scan(WaiterFields.from(row, 1));
      case "legacy" -> new Legacy(WaiterFields.from(row, 1), Replies.number(row, 5));
      case "expired" -> new Expired();
      case "missing" -> new Missing();
      default -> throw Replies.unexpected(Script.LOCATE, row);
    };
  }
}
