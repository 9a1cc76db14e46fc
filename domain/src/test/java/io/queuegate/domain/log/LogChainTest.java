package io.queuegate.domain.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The canonical text and the chain, against hashes computed apart from the service (Python's
 * hashlib, as docs/design.md#log shows).
 */
class LogChainTest {
  private static final EventId EVENT = new EventId("sale");
  private static final EntrantId ENTRANT = new EntrantId("b052a3ab7d4d2db829c865df51a6297f");

  @Test
  void theChainMatchesHashesComputedApart() {
    LogRecord join = new LogRecord.Join(1, Instant.ofEpochMilli(1_700_000_000_000L), ENTRANT, true);
    LogRecord admit =
        new LogRecord.Admission(2, Instant.ofEpochMilli(1_700_000_001_000L), ENTRANT, 1, 50);

    String genesis = LogChain.genesis(EVENT);
    String first = LogChain.next(genesis, join);

    assertThat(genesis)
        .isEqualTo("50eb84a10b6de23ca75db4dfdb36c5ac50d7425c489dcfec9448b18fe65317cd");
    assertThat(join.canonical())
        .isEqualTo("1|join|1700000000000|b052a3ab7d4d2db829c865df51a6297f|pre");
    assertThat(first).isEqualTo("c18105dffd3743da02cc0ad82167ec1f21905bc5a439ef0473c1271ace1045ce");
    assertThat(LogChain.next(first, admit))
        .isEqualTo("be23e4feac3652f19c32d68d4e3aa20939261d3802f64738f39044d4253d7c60");
  }

  @Test
  void everyRecordReadsBackFromItsText() {
    ShuffleSeed seed = ShuffleSeed.random();
    Instant at = Instant.ofEpochMilli(1_700_000_000_123L);
    for (LogRecord record :
        new LogRecord[] {
          new LogRecord.Join(1, at, ENTRANT, false),
          new LogRecord.Opening(
              2, at, 7, seed, ShuffleKey.of(seed, Optional.of("a|b")), Optional.of("a|b")),
          new LogRecord.Opening(
              3, at, 0, seed, ShuffleKey.of(seed, Optional.empty()), Optional.empty()),
          new LogRecord.Admission(4, at, ENTRANT, 12, 50),
          new LogRecord.Leave(5, at, ENTRANT),
          new LogRecord.Expiry(6, at, ENTRANT)
        }) {
      assertThat(LogRecord.parse(record.seq(), record.body())).isEqualTo(record);
    }
  }

  @Test
  void textNotInCanonicalFormIsRefused() {
    for (String body :
        new String[] {
          "join|0017|" + ENTRANT.value() + "|pre",
          "join|17|" + ENTRANT.value() + "|maybe",
          "join|17|" + ENTRANT.value().toUpperCase() + "|pre",
          "admit|17|" + ENTRANT.value() + "|1",
          "leave|-1|" + ENTRANT.value(),
          "nap|17|" + ENTRANT.value()
        }) {
      assertThatThrownBy(() -> LogRecord.parse(1, body))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
