package io.queuegate.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verifier on a small sale with the worked example's seed (docs/fairness.md#example), where the
 * shuffle orders D, A, C, B: it accepts the honest log and finds each kind of tampering.
 */
class LogVerifierTest {
  private static final EventId EVENT = new EventId("sale");
  private static final ShuffleSeed SEED =
      new ShuffleSeed("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final Optional<String> VALUE = Optional.of("lottery draw #123");
  private static final EntrantId A = entrant('A');
  private static final EntrantId B = entrant('B');
  private static final EntrantId C = entrant('C');
  private static final EntrantId D = entrant('D');
  private static final EntrantId E = entrant('E');
  private static final Instant T = Instant.parse("2030-01-01T10:00:00Z");

  private static EntrantId entrant(char c) {
    return EntrantId.of(new WaiterId(String.valueOf(c).repeat(22)));
  }

  private static Instant at(int second) {
    return T.plusSeconds(second);
  }

  /** Pre-queue A, B, C, D; B leaves; the opening orders D, A, C; E joins after. */
  private static List<LogRecord> honest() {
    return List.of(
        new LogRecord.Join(1, at(1), A, true),
        new LogRecord.Join(2, at(2), B, true),
        new LogRecord.Join(3, at(3), C, true),
        new LogRecord.Join(4, at(4), D, true),
        new LogRecord.Leave(5, at(5), B),
        new LogRecord.Opening(6, at(6), 3, SEED, ShuffleKey.of(SEED, VALUE), VALUE),
        new LogRecord.Join(7, at(7), E, false),
        new LogRecord.Admission(8, at(8), D, 1, 2),
        new LogRecord.Admission(9, at(9), C, 2, 2),
        new LogRecord.Expiry(10, at(10), A),
        new LogRecord.Admission(11, at(11), E, 1, 2));
  }

  /** The records chained as the service publishes them. */
  static List<ChainedRecord> chain(List<LogRecord> records) {
    List<ChainedRecord> out = new ArrayList<>();
    String prev = LogChain.genesis(EVENT);
    for (LogRecord record : records) {
      String hash = LogChain.next(prev, record);
      out.add(new ChainedRecord(record, prev, hash));
      prev = hash;
    }
    return out;
  }

  private static Verdict verify(List<ChainedRecord> log, Optional<ReceiptClaim> receipt) {
    return new LogVerifier(EVENT, Optional.of(SEED.commitment()), Optional.of(2L))
        .verify(log, receipt);
  }

  private static List<String> problems(Verdict verdict) {
    return verdict.findings().stream().map(Finding::toString).toList();
  }

  @Test
  void anHonestLogPasses_withAReceiptOfAPreQueueJoin() {
    Verdict verdict =
        verify(chain(honest()), Optional.of(new ReceiptClaim(EVENT, C, at(3), true, 3)));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.notes())
        .anyMatch(n -> n.contains("3 admissions"))
        .anyMatch(n -> n.contains("placed the entrant at 3 in the pre-queue"));
  }

  @Test
  void aRemovedRecordBreaksTheChain() {
    List<ChainedRecord> log = new ArrayList<>(chain(honest()));
    log.remove(6);

    assertThat(problems(verify(log, Optional.empty())))
        .contains("record 8: out of sequence: expected record 7 here")
        .contains("record 8: prev is not the hash of the record before");
  }

  @Test
  void swappedRecordsBreakTheChain() {
    List<ChainedRecord> log = new ArrayList<>(chain(honest()));
    Collections.swap(log, 7, 8);

    assertThat(problems(verify(log, Optional.empty())))
        .contains("record 9: out of sequence: expected record 8 here")
        .contains("record 9: prev is not the hash of the record before");
  }

  @Test
  void anEditedRecordNoLongerMatchesItsHash() {
    List<ChainedRecord> log = new ArrayList<>(chain(honest()));
    ChainedRecord edited = log.get(7);
    log.set(
        7,
        new ChainedRecord(
            new LogRecord.Admission(8, at(8), A, 1, 2), edited.prev(), edited.hash()));

    assertThat(problems(verify(log, Optional.empty())))
        .anyMatch(p -> p.startsWith("record 8: hash does not match the record"));
  }

  @Test
  void aRechainedLogWithoutTheLeaveFailsTheOpeningsCount() {
    List<LogRecord> records = new ArrayList<>(honest());
    records.remove(4);
    List<LogRecord> renumbered = renumber(records);

    assertThat(problems(verify(chain(renumbered), Optional.empty())))
        .contains("record 5: the opening counts 3 entrants but the log holds 4 in the pre-queue");
  }

  @Test
  void anAdmissionBeyondTheWindowIsFound() {
    List<LogRecord> records = new ArrayList<>(honest().subList(0, 7));
    records.add(new LogRecord.Admission(8, at(8), E, 4, 2));

    assertThat(problems(verify(chain(records), Optional.empty())))
        .containsExactly("record 8: admission beyond the ready window: position 4 > window 2");
  }

  @Test
  void anAdmissionOutOfShuffledOrderStatesAWrongPosition_andAWideWindowIsFound() {
    List<LogRecord> records = new ArrayList<>(honest().subList(0, 7));
    records.add(new LogRecord.Admission(8, at(8), C, 1, 5));

    assertThat(problems(verify(chain(records), Optional.empty())))
        .containsExactly(
            "record 8: the entrant stood at position 3, not 1",
            "record 8: ready window 5 is wider than the expected 2");
  }

  @Test
  void aDifferentSeedFailsTheCommitment_andTheOrder() {
    ShuffleSeed other = ShuffleSeed.random();
    List<LogRecord> records = new ArrayList<>(honest());
    records.set(5, new LogRecord.Opening(6, at(6), 3, other, ShuffleKey.of(other, VALUE), VALUE));

    assertThat(problems(verify(chain(records), Optional.empty())))
        .anyMatch(p -> p.startsWith("record 6: SHA-256 of the revealed seed is"));
  }

  @Test
  void aKeyThatDoesNotFollowFromTheSeedIsFound() {
    List<LogRecord> records = new ArrayList<>(honest());
    records.set(
        5, new LogRecord.Opening(6, at(6), 3, SEED, ShuffleKey.of(SEED, Optional.empty()), VALUE));

    assertThat(problems(verify(chain(records), Optional.empty())))
        .contains("record 6: the key is not HMAC-SHA256(seed, public value) of the revealed seed");
  }

  @Test
  void aReceiptNotInTheLogIsFound() {
    EntrantId stranger = entrant('Z');

    assertThat(
            problems(
                verify(
                    chain(honest()),
                    Optional.of(new ReceiptClaim(EVENT, stranger, at(3), true, 3)))))
        .containsExactly(
            "record 3: the receipt's entrant " + stranger + " never joins in this log");
    assertThat(
            problems(
                verify(chain(honest()), Optional.of(new ReceiptClaim(EVENT, C, at(3), true, 2)))))
        .containsExactly("record 2: the receipt's join is not at record 2 as it states");
    assertThat(
            problems(
                verify(
                    chain(honest()),
                    Optional.of(new ReceiptClaim(new EventId("other"), C, at(3), true, 3)))))
        .containsExactly("the receipt is for event other");
  }

  @Test
  void admissionsOfStrangersAndPreQueueJoinsAfterTheOpeningAreFound() {
    List<LogRecord> records = new ArrayList<>(honest().subList(0, 7));
    records.add(new LogRecord.Join(8, at(8), entrant('F'), true));
    records.add(new LogRecord.Admission(9, at(9), entrant('G'), 1, 2));

    assertThat(problems(verify(chain(records), Optional.empty())))
        .containsExactly(
            "record 8: a pre-queue join after the opening",
            "record 9: admits " + entrant('G') + ", who is not in line");
  }

  private static List<LogRecord> renumber(List<LogRecord> records) {
    List<LogRecord> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      long seq = i + 1L;
      out.add(
          switch (records.get(i)) {
            case LogRecord.Join j -> new LogRecord.Join(seq, j.at(), j.entrant(), j.preQueue());
            case LogRecord.Opening o ->
                new LogRecord.Opening(
                    seq, o.at(), o.entrants(), o.seed(), o.key(), o.publicValue());
            case LogRecord.Admission a ->
                new LogRecord.Admission(seq, a.at(), a.entrant(), a.position(), a.window());
            case LogRecord.Leave l -> new LogRecord.Leave(seq, l.at(), l.entrant());
            case LogRecord.Expiry e -> new LogRecord.Expiry(seq, e.at(), e.entrant());
          });
    }
    return out;
  }
}
