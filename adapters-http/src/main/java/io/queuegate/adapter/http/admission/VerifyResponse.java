package io.queuegate.adapter.http.admission;

import io.queuegate.domain.model.AdmissionClaims;
import java.time.temporal.ChronoUnit;

/** 200 body of a successful verification; {@code user_id} is the token's subject. */
record VerifyResponse(boolean valid, String eventId, String userId, String expiresAt) {

  static VerifyResponse from(AdmissionClaims claims) {
    return new VerifyResponse(
        true,
        claims.audience().value(),
        claims.subject(),
        claims.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
