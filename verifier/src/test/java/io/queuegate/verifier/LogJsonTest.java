package io.queuegate.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.log.ChainedRecord;
import io.queuegate.domain.log.LogRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published JSON read back: only seq, canonical, prev and hash count, strictly. */
class LogJsonTest {
  private static final String PREV = "0".repeat(64);
  private static final String HASH = "1".repeat(64);
  private static final String ENTRANT = "b052a3ab7d4d2db829c865df51a6297f";

  private static String page(String canonical, long seq) {
    return "{\"records\":[{\"seq\":"
        + seq
        + ",\"type\":\"admit\",\"canonical\":\""
        + canonical
        + "\",\"prev\":\""
        + PREV
        + "\",\"hash\":\""
        + HASH
        + "\"}]}";
  }

  @Test
  void aRecordIsReadFromItsCanonicalText() {
    List<ChainedRecord> records =
        LogJson.records(LogJson.parse(page("3|join|1700000000000|" + ENTRANT + "|pre", 3)));

    assertThat(records).hasSize(1);
    assertThat(records.get(0).record()).isInstanceOf(LogRecord.Join.class);
    assertThat(records.get(0).record().seq()).isEqualTo(3);
    assertThat(records.get(0).prev()).isEqualTo(PREV);
    assertThat(records.get(0).hash()).isEqualTo(HASH);
  }

  @Test
  void aCanonicalTextOfAnotherNumber_orNotCanonical_isRefused() {
    assertThatThrownBy(
            () ->
                LogJson.records(LogJson.parse(page("4|join|1700000000000|" + ENTRANT + "|pre", 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not start with its number");
    assertThatThrownBy(
            () -> LogJson.records(LogJson.parse(page("3|join|1700000000000|" + ENTRANT + "|x", 3))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogJson.records(LogJson.parse("{\"records\":{}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no records array");
  }
}
