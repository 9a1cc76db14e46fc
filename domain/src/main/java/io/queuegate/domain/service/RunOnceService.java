package io.queuegate.domain.service;

import io.queuegate.domain.model.DuplicateRequest;
import io.queuegate.domain.model.IdempotencyBegin;
import io.queuegate.domain.model.IdempotencyConflict;
import io.queuegate.domain.model.IdempotencyOutcome;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.port.in.RunOnceUseCase;
import io.queuegate.domain.port.out.IdempotencyStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Runs a keyed request at most once and replays its successful reply to repeats. */
public final class RunOnceService implements RunOnceUseCase {
  private static final System.Logger LOG = System.getLogger(RunOnceService.class.getName());

  private final IdempotencyStore store;
  private final Clock clock;
  private final Duration replayFor;
  private final Duration inFlightFor;

  /**
   * @param replayFor how long a successful reply is replayed (5 minutes by default)
   * @param inFlightFor how long an unfinished claim blocks its key, so a crash never blocks it for
   *     good
   */
  public RunOnceService(
      IdempotencyStore store, Clock clock, Duration replayFor, Duration inFlightFor) {
    this.store = Objects.requireNonNull(store);
    this.clock = Objects.requireNonNull(clock);
    this.replayFor = Objects.requireNonNull(replayFor);
    this.inFlightFor = Objects.requireNonNull(inFlightFor);
  }

  @Override
  public IdempotencyOutcome runOnce(
      String route, String key, String fingerprint, Supplier<IdempotencyReply> request) {
    String scopedKey = route + ":" + key;
    IdempotencyBegin begin = store.begin(scopedKey, fingerprint, inFlightFor, clock.instant());
    return switch (begin) {
      case IdempotencyBegin.Started started -> run(scopedKey, fingerprint, request);
      case IdempotencyBegin.Replay replay -> new IdempotencyOutcome(replay.reply(), true);
      case IdempotencyBegin.Conflict conflict -> throw new IdempotencyConflict();
      case IdempotencyBegin.InFlight inFlight -> throw new DuplicateRequest();
    };
  }

  private IdempotencyOutcome run(
      String scopedKey, String fingerprint, Supplier<IdempotencyReply> request) {
    IdempotencyReply reply;
    try {
      reply = request.get();
    } catch (RuntimeException e) {
      release(scopedKey);
      throw e;
    }
    if (reply.succeeded()) {
      try {
        store.complete(scopedKey, fingerprint, reply, replayFor, clock.instant());
      } catch (RuntimeException e) {
        // The request took effect, so its reply is still the truth; the claim lapses by itself.
        LOG.log(Level.WARNING, "could not store the reply for replay: " + e.getMessage());
      }
    } else {
      release(scopedKey);
    }
    return new IdempotencyOutcome(reply, false);
  }

  // A failed release only delays a retry until the claim lapses, so it never hides the reply.
  private void release(String scopedKey) {
    try {
      store.release(scopedKey);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not release an idempotency claim: " + e.getMessage());
    }
  }
}
