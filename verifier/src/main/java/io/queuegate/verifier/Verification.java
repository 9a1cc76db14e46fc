package io.queuegate.verifier;

import io.queuegate.domain.log.ChainedRecord;
import io.queuegate.domain.log.LogVerifier;
import io.queuegate.domain.log.ReceiptClaim;
import io.queuegate.domain.log.Verdict;
import io.queuegate.domain.model.EventId;
import java.util.List;
import java.util.Optional;

/**
 * One run of the verifier: the log, the commitment and the receipt gathered, then the domain's
 * checks. A receipt whose signature does not hold fails the run before its place is looked at.
 */
record Verification(
    EventId eventId,
    List<ChainedRecord> log,
    Optional<String> commitment,
    Optional<Long> maxWindow,
    Optional<String> receipt,
    Optional<String> jwks) {

  Verdict run() {
    Optional<ReceiptClaim> claim = receipt.map(r -> ReceiptReader.read(r, jwks.orElseThrow()));
    return new LogVerifier(eventId, commitment, maxWindow).verify(log, claim);
  }
}
