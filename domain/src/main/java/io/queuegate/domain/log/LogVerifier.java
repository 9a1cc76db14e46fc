package io.queuegate.domain.log;

import io.queuegate.domain.model.EventId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks a buyer runs on an event's whole log (docs/fairness.md#log): the chain, the opening
 * (its key, its seed against the commitment, the count of entrants it ordered), the windowed
 * first-in-first-out rule at every admission, and, given a receipt, that its join is in the log
 * where the receipt says.
 */
public final class LogVerifier {
  private final EventId eventId;
  private final Optional<String> commitment;
  private final Optional<Long> maxWindow;

  /**
   * @param commitment the seed commitment published before the opening, when known
   * @param maxWindow the widest ready window the buyer accepts, when any window the log states will
   *     do
   */
  public LogVerifier(EventId eventId, Optional<String> commitment, Optional<Long> maxWindow) {
    this.eventId = eventId;
    this.commitment = commitment;
    this.maxWindow = maxWindow;
  }

  /** Checks {@code log}, the event's records from the first, and {@code receipt} if any. */
  public Verdict verify(List<ChainedRecord> log, Optional<ReceiptClaim> receipt) {
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (log.isEmpty()) {
      findings.add(new Finding(0, "the log is empty"));
    }
    String head = ChainCheck.check(eventId, log, findings::add);
    LineReplay replay = new LineReplay(log.size(), commitment, maxWindow, findings::add);
    for (int i = 0; i < log.size(); i++) {
      replay.apply(log.get(i).record(), i + 1);
    }
    notes.add(log.size() + " records, head " + head);
    replay
        .opening()
        .ifPresentOrElse(
            o ->
                notes.add(
                    "opening at record "
                        + o.seq()
                        + ": "
                        + o.entrants()
                        + " pre-queue entrants shuffled, seed commitment "
                        + o.seed().commitment()
                        + commitment
                            .map(c -> " (checked against the one given)")
                            .orElse(" (none given)")),
            () -> notes.add("no opening (not a scheduled sale, or not open yet)"));
    notes.add(
        replay.admissions()
            + " admissions, the farthest from position "
            + replay.widestPosition()
            + "; "
            + replay.stillWaiting()
            + " still waiting");
    receipt.ifPresent(claim -> ReceiptCheck.check(eventId, log, claim, replay, findings, notes));
    return new Verdict(findings, notes);
  }
}
