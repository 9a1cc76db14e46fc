package io.queuegate.domain.port.out;

import io.queuegate.domain.model.EventId;
import java.time.Instant;

/**
 * The proof-of-work challenges already used to join, shared by every instance, so that one solution
 * buys one join. An entry lives until its challenge expires, then the store forgets it.
 */
public interface SpentChallenges {

  /**
   * Marks {@code challenge} of {@code eventId} spent until {@code expiresAt}, atomically.
   *
   * @return true when this call spent it; false when it was already spent and has not expired
   * @throws io.queuegate.domain.model.StoreUnavailableException when the store cannot answer
   */
  boolean spend(EventId eventId, String challenge, Instant expiresAt, Instant now);

  /** A port that refuses every call, for stores built without it. */
  static SpentChallenges unsupported() {
    return (eventId, challenge, expiresAt, now) -> {
      throw new UnsupportedOperationException("this store keeps no spent challenges");
    };
  }
}
