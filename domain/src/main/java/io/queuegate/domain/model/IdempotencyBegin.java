package io.queuegate.domain.model;

/** What the idempotency store says when a keyed request starts. */
public sealed interface IdempotencyBegin {

  /** First time this key is seen: go on, then complete or release it. */
  record Started() implements IdempotencyBegin {}

  /** Same key and body finished before: send the stored reply again. */
  record Replay(IdempotencyReply reply) implements IdempotencyBegin {}

  /** Same key, different body. */
  record Conflict() implements IdempotencyBegin {}

  /** Same key, and the first request is still running. */
  record InFlight() implements IdempotencyBegin {}
}
