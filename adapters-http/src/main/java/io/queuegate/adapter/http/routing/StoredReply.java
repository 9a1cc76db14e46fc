package io.queuegate.adapter.http.routing;

import io.queuegate.domain.model.IdempotencyReply;

/**
 * How a JSON reply is kept for idempotent replay: its status code, a space, then its body. Only 2xx
 * replies succeed (and are kept); the store never reads the text.
 */
final class StoredReply {
  private StoredReply() {}

  static IdempotencyReply of(Reply reply) {
    boolean succeeded = reply.status() >= 200 && reply.status() < 300;
    return new IdempotencyReply(succeeded, reply.status() + " " + reply.bodyText());
  }

  static Reply toReply(IdempotencyReply stored) {
    String payload = stored.payload();
    int space = payload.indexOf(' ');
    if (space != 3) {
      throw new IllegalStateException("not a stored reply: " + payload);
    }
    return Reply.text(
        Integer.parseInt(payload.substring(0, space)), Reply.JSON, payload.substring(4));
  }
}
