package io.queuegate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.queuegate.domain.log.LogChain;
import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EventId;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved logs as the verifier reads them, and the forgeries an operator could make of one: records
 * renumbered and the chain recomputed, so that only the verifier's other checks can catch them.
 */
final class TamperedLogs {
  private TamperedLogs() {}

  /** The records of a saved log (its canonical texts). */
  static List<LogRecord> records(JsonNode saved) {
    List<LogRecord> out = new ArrayList<>();
    for (JsonNode node : saved.path("records")) {
      long seq = node.path("seq").asLong();
      out.add(
          LogRecord.parse(seq, node.path("canonical").asText().substring((seq + "|").length())));
    }
    return out;
  }

  /** {@code records} renumbered from 1 and chained afresh, as a saved log. */
  static String rechained(EventId eventId, List<LogRecord> records) {
    ArrayNode out = Api.JSON.createArrayNode();
    String prev = LogChain.genesis(eventId);
    for (int i = 0; i < records.size(); i++) {
      LogRecord record = renumbered(records.get(i), i + 1L);
      String hash = LogChain.next(prev, record);
      out.add(
          Api.JSON
              .createObjectNode()
              .put("seq", record.seq())
              .put("canonical", record.canonical())
              .put("prev", prev)
              .put("hash", hash));
      prev = hash;
    }
    return saved(eventId, out);
  }

  /** A saved log with its records array replaced, untouched otherwise. */
  static String saved(EventId eventId, ArrayNode records) {
    ObjectNode root = Api.JSON.createObjectNode().put("event_id", eventId.value());
    root.set("records", records);
    return root.toString();
  }

  static LogRecord renumbered(LogRecord r, long seq) {
    return switch (r) {
      case LogRecord.Join j -> new LogRecord.Join(seq, j.at(), j.entrant(), j.preQueue());
      case LogRecord.Opening o ->
          new LogRecord.Opening(seq, o.at(), o.entrants(), o.seed(), o.key(), o.publicValue());
      case LogRecord.Admission a ->
          new LogRecord.Admission(seq, a.at(), a.entrant(), a.position(), a.window());
      case LogRecord.Leave l -> new LogRecord.Leave(seq, l.at(), l.entrant());
      case LogRecord.Expiry e -> new LogRecord.Expiry(seq, e.at(), e.entrant());
    };
  }
}
