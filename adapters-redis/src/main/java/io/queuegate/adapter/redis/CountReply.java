package io.queuegate.adapter.redis;

import java.util.List;

/**
 * The reply {count} of the scripts that answer how many things they changed: leave (1 or 0),
 * consume (1 or 0), reap, touch, reindex and prune_event.
 */
record CountReply(long count) {

  static CountReply from(List<Object> reply) {
    return new CountReply(Replies.number(reply, 0));
  }

  /** For the scripts that answer 1 or 0. */
  boolean happened() {
    return count == 1;
  }
}
