package io.queuegate.domain.port.out;

import io.queuegate.domain.model.IdempotencyBegin;
import io.queuegate.domain.model.IdempotencyReply;
import java.time.Duration;
import java.time.Instant;

/**
 * Idempotency records, shared by every instance. Keys arrive already scoped by route; a Redis
 * adapter keeps each record in one key.
 */
public interface IdempotencyStore {

  /**
   * Atomically claims {@code key} for a request whose body hashes to {@code fingerprint}, or says
   * why not. A claim not completed within {@code inFlightFor} lapses, so a crashed instance never
   * blocks a key for good.
   */
  IdempotencyBegin begin(String key, String fingerprint, Duration inFlightFor, Instant now);

  /** Stores the reply of a claimed key for {@code keepFor}. */
  void complete(
      String key, String fingerprint, IdempotencyReply reply, Duration keepFor, Instant now);

  /** Drops a claim whose request failed, so the client may retry with the same key. */
  void release(String key);
}
