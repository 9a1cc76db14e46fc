package io.queuegate.domain.log;

import io.queuegate.domain.model.EventId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks a whole published log against the chain: records numbered 1, 2, 3... without gaps, each
 * {@code prev} the hash of the record before (the event's genesis for the first), each {@code hash}
 * recomputed from the record's canonical text. A removed or swapped record breaks it.
 */
final class ChainCheck {
  private ChainCheck() {}

  /**
   * Reports every break where it is: each record is checked against the published hash before it
   * and against its own text, so one removed or moved record is named once, not every record after
   * it. Returns the hash of the last record (the head a person may keep).
   */
  static String check(EventId eventId, List<ChainedRecord> log, Consumer<Finding> findings) {
    String prev = LogChain.genesis(eventId);
    long expected = 1;
    for (ChainedRecord chained : log) {
      long seq = chained.record().seq();
      if (seq != expected) {
        findings.accept(new Finding(seq, "out of sequence: expected record " + expected + " here"));
      }
      if (!chained.prev().equals(prev)) {
        findings.accept(new Finding(seq, "prev is not the hash of the record before"));
      }
      String hash = LogChain.next(chained.prev(), chained.record());
      if (!chained.hash().equals(hash)) {
        findings.accept(
            new Finding(seq, "hash does not match the record (recomputed " + hash + ")"));
      }
      prev = chained.hash();
      expected = seq + 1;
    }
    return prev;
  }
}
