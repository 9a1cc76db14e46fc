package io.queuegate.domain.log;

import io.queuegate.domain.model.EventId;
import java.util.List;

/**
 * A receipt's place in the log: its event is the log's, and record {@code logSeq} is its join (same
 * entrant, same time, same pre-queue flag). A pre-queue entrant still there at the opening is told
 * its shuffled place.
 */
final class ReceiptCheck {
  private ReceiptCheck() {}

  static void check(
      EventId eventId,
      List<ChainedRecord> log,
      ReceiptClaim claim,
      LineReplay replay,
      List<Finding> findings,
      List<String> notes) {
    if (!claim.eventId().equals(eventId)) {
      findings.add(new Finding(0, "the receipt is for event " + claim.eventId().value()));
      return;
    }
    LogRecord at =
        claim.logSeq() >= 1 && claim.logSeq() <= log.size()
            ? log.get(Math.toIntExact(claim.logSeq() - 1)).record()
            : null;
    boolean matches =
        at instanceof LogRecord.Join j
            && j.seq() == claim.logSeq()
            && j.entrant().equals(claim.entrant())
            && j.at().equals(claim.joinedAt())
            && j.preQueue() == claim.preQueue();
    if (!matches) {
      boolean elsewhere =
          log.stream()
              .anyMatch(
                  c ->
                      c.record() instanceof LogRecord.Join j
                          && j.entrant().equals(claim.entrant()));
      findings.add(
          new Finding(
              claim.logSeq(),
              elsewhere
                  ? "the receipt's join is not at record " + claim.logSeq() + " as it states"
                  : "the receipt's entrant " + claim.entrant() + " never joins in this log"));
      return;
    }
    notes.add("receipt: entrant " + claim.entrant() + " joined at record " + claim.logSeq());
    Integer place = replay.shuffledPlaces().get(claim.entrant());
    if (claim.preQueue() && place != null) {
      notes.add("receipt: the opening placed the entrant at " + place + " in the pre-queue");
    }
  }
}
