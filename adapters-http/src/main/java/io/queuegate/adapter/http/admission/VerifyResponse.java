package io.queuegate.adapter.http.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.Identity;
import java.time.temporal.ChronoUnit;

/**
 * 200 body of a successful verification; {@code user_id} is the token's subject, and {@code
 * enqueue_sub} the verified enqueue identity, left out (as in the old gateway's answer) when the
 * join carried none.
 */
record VerifyResponse(
    boolean valid,
    String eventId,
    String userId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String enqueueSub,
    String expiresAt) {

  static VerifyResponse from(AdmissionClaims claims) {
    return new VerifyResponse(
        true,
        claims.audience().value(),
        claims.subject(),
        claims.identity().map(Identity::subject).orElse(null),
        claims.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
