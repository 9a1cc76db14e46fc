package io.queuegate.domain.port.in;

import io.queuegate.domain.model.IdempotentOutcome;
import io.queuegate.domain.model.IdempotentReply;
import java.util.function.Supplier;

/** Runs a keyed request at most once and replays its successful reply to repeats. */
public interface IdempotentRequestUseCase {

  /**
   * Runs {@code request} unless a reply for ({@code route}, {@code key}) is stored, in which case
   * that reply is returned with {@code replayed} set. Only 2xx replies are stored; when the request
   * throws or answers otherwise the key is released so that the client may retry.
   *
   * @throws io.queuegate.domain.model.IdempotencyConflict same key, different fingerprint
   * @throws io.queuegate.domain.model.DuplicateRequest same key, first request still running
   */
  IdempotentOutcome runOnce(
      String route, String key, String fingerprint, Supplier<IdempotentReply> request);
}
