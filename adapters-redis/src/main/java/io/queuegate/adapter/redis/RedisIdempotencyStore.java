package io.queuegate.adapter.redis;

import io.queuegate.domain.model.IdempotencyBegin;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.port.out.IdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Idempotency records, each one HASH key whose TTL is the in-flight window, then the keep window.
 */
final class RedisIdempotencyStore implements IdempotencyStore {
  private final ScriptRunner scripts;

  RedisIdempotencyStore(ScriptRunner scripts) {
    this.scripts = scripts;
  }

  @Override
  public IdempotencyBegin begin(String key, String fingerprint, Duration inFlightFor, Instant now) {
    List<Object> reply =
        scripts.run(
            Script.IDEM_BEGIN,
            List.of(RedisKeys.idempotency(key)),
            List.of(fingerprint, Long.toString(now.toEpochMilli()), millis(inFlightFor)));
    return switch (Replies.tag(reply)) {
      case "started" -> new IdempotencyBegin.Started();
      case "conflict" -> new IdempotencyBegin.Conflict();
      case "in_flight" -> new IdempotencyBegin.InFlight();
      case "replay" -> new IdempotencyBegin.Replay(IdempotencyReply.stored(Replies.text(reply, 1)));
      default -> throw new IllegalStateException("unexpected idempotency reply " + reply);
    };
  }

  @Override
  public void complete(
      String key, String fingerprint, IdempotencyReply reply, Duration keepFor, Instant now) {
    scripts.run(
        Script.IDEM_COMPLETE,
        List.of(RedisKeys.idempotency(key)),
        List.of(fingerprint, reply.payload(), Long.toString(now.toEpochMilli()), millis(keepFor)));
  }

  @Override
  public void release(String key) {
    scripts.run(Script.IDEM_RELEASE, List.of(RedisKeys.idempotency(key)), List.of());
  }

  private static String millis(Duration duration) {
    return Long.toString(Math.max(1, duration.toMillis()));
  }
}
