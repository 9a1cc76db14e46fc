package io.queuegate.adapter.redis;

import java.util.List;

/** policy_swap.lua's reply: the policy was stored, or another write came first. */
enum PolicySwapReply {
  /** {'stored'}: the policy was written. */
  STORED,
  /** {'changed'}: the version is no longer the one the caller read; nothing was written. */
  CHANGED;

  static PolicySwapReply from(List<Object> reply) {
    return switch (Replies.tag(reply)) {
      case "stored" -> STORED;
      case "changed" -> CHANGED;
      default -> throw Replies.unexpected(Script.POLICY_SWAP, reply);
    };
  }
}
