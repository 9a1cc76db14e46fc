package io.queuegate.domain.port.in;

import io.queuegate.domain.model.Challenge;
import io.queuegate.domain.model.EventId;

/** Hands out a signed proof-of-work challenge for a join to an event (docs/design.md#bots). */
public interface IssueChallengeUseCase {

  /**
   * @param clientPrefix the client's network prefix, whose recent rate raises the difficulty
   */
  Challenge issue(EventId eventId, String clientPrefix);
}
