package io.queuegate.adapter.http.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.queuegate.domain.model.JoinReceipt;
import java.time.Instant;

/**
 * 202 body of a join: the waiting token, the public entrant id, and where it stands right now, with
 * the ETA's range. A scheduled sale adds {@code opens_at}; {@code phase} is {@code pre_queue} until
 * it opens; {@code receipt} is the join's signed receipt (docs/fairness.md#receipt).
 */
record JoinResponse(
    String waitingToken,
    long positionHint,
    String status,
    long etaSec,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec,
    String entrantId,
    String phase,
    @JsonInclude(JsonInclude.Include.NON_NULL) String opensAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String receipt) {

  static JoinResponse from(JoinReceipt receipt) {
    return new JoinResponse(
        receipt.waitingToken(),
        receipt.position(),
        "waiting",
        receipt.etaSec(),
        receipt.pollAfterMs(),
        receipt.etaLowSec(),
        receipt.etaHighSec(),
        receipt.entrant().value(),
        Phase.of(receipt.inPreQueue()),
        receipt.opensAt().map(Instant::toString).orElse(null),
        receipt.signedReceipt().orElse(null));
  }
}
