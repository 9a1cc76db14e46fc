package io.queuegate.domain.port.in;

import io.queuegate.domain.model.IdempotencyOutcome;
import io.queuegate.domain.model.IdempotencyReply;
import java.util.function.Supplier;

/** Runs a keyed request at most once and replays its successful reply to repeats. */
public interface RunOnceUseCase {

  /**
   * Runs {@code request} unless a reply for ({@code route}, {@code key}) is stored, in which case
   * that reply is returned with {@code replayed} set. Only replies that succeeded are stored; when
   * the request throws or does not succeed the key is released so that the client may retry.
   *
   * @throws io.queuegate.domain.model.IdempotencyConflict same key, different fingerprint
   * @throws io.queuegate.domain.model.DuplicateRequest same key, first request still running
   */
  IdempotencyOutcome runOnce(
      String route, String key, String fingerprint, Supplier<IdempotencyReply> request);
}
