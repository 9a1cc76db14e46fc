package io.queuegate.adapter.http.queue;

import io.queuegate.domain.model.Challenge;

/** Answer of {@code GET /api/v1/queue/challenge}: ALTCHA's challenge JSON, field for field. */
record ChallengeResponse(
    String algorithm, String challenge, long maxnumber, String salt, String signature) {

  static ChallengeResponse from(Challenge c) {
    return new ChallengeResponse(
        c.algorithm(), c.challenge(), c.maxNumber(), c.salt(), c.signature());
  }
}
