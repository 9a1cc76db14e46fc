package io.queuegate.domain.service;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.log.ReceiptClaim;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.port.out.AdmissionLog;
import io.queuegate.domain.port.out.ReceiptSigner;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The signed receipt of a join (docs/fairness.md#receipt), stating what the log's join record
 * states: the event, the entrant, when it joined (to the millisecond), whether into the pre-queue,
 * and the record's number. A repeat join of the same person gets its first join's receipt, read
 * back from the log.
 */
public final class JoinReceipts {
  private final ReceiptSigner signer;
  private final AdmissionLog log;

  public JoinReceipts(ReceiptSigner signer, AdmissionLog log) {
    this.signer = signer;
    this.log = log;
  }

  /** The receipt, or empty for a place whose join the log does not hold (from before the log). */
  Optional<String> receiptFor(EventId eventId, Joined joined) {
    if (joined.logSeq() <= 0) {
      return Optional.empty();
    }
    EntrantId entrant = EntrantId.of(joined.standing().waiter().id());
    Optional<ReceiptClaim> claim;
    if (!joined.existing()) {
      // A new place: in the pre-queue exactly when the store put it there (it cannot be open yet).
      claim =
          Optional.of(
              new ReceiptClaim(
                  eventId,
                  entrant,
                  joined.standing().waiter().joinedAt().truncatedTo(ChronoUnit.MILLIS),
                  joined.standing().inPreQueue(),
                  joined.logSeq()));
    } else {
      List<LogRecord> records = log.read(eventId, joined.logSeq() - 1, 1);
      claim =
          records.stream()
              .filter(r -> r instanceof LogRecord.Join j && j.entrant().equals(entrant))
              .map(LogRecord.Join.class::cast)
              .map(j -> new ReceiptClaim(eventId, entrant, j.at(), j.preQueue(), j.seq()))
              .findFirst();
    }
    return claim.map(signer::sign);
  }
}
