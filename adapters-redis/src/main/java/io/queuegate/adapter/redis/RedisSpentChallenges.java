package io.queuegate.adapter.redis;

import io.lettuce.core.SetArgs;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.SpentChallenges;
import java.time.Duration;
import java.time.Instant;

/**
 * Spent challenges as one key each in the event's slot, written with SET NX PX: the first writer
 * wins across every instance, and the key lives exactly as long as the challenge could be replayed.
 */
final class RedisSpentChallenges implements SpentChallenges {
  private final RedisLink link;
  private final RedisCalls calls;

  RedisSpentChallenges(RedisLink link, RedisCalls calls) {
    this.link = link;
    this.calls = calls;
  }

  @Override
  public boolean spend(EventId eventId, String challenge, Instant expiresAt, Instant now) {
    // At least 1 ms: a challenge checked on its last millisecond still needs a key that expires.
    long ttlMs = Math.max(1, Duration.between(now, expiresAt).toMillis());
    String reply =
        calls.await(
            link.commands()
                .set(
                    new RedisKeys(eventId).spentChallenge(challenge),
                    "1",
                    SetArgs.Builder.nx().px(ttlMs)));
    return "OK".equals(reply);
  }
}
