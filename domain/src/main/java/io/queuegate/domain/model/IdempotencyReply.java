package io.queuegate.domain.model;

import java.util.Objects;

/**
 * A keyed request's reply as the adapter encoded it. Only a reply that {@code succeeded} (the
 * request took effect) is kept and replayed to repeats; the store keeps {@code payload} as it is.
 */
public record IdempotencyReply(boolean succeeded, String payload) {
  public IdempotencyReply {
    Objects.requireNonNull(payload);
  }

  /** A stored reply read back for a replay: only successful replies are ever stored. */
  public static IdempotencyReply stored(String payload) {
    return new IdempotencyReply(true, payload);
  }
}
