package io.queuegate.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.queuegate.domain.log.ChainedRecord;
import io.queuegate.domain.log.LogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The log's JSON as the service publishes it (a page's {@code records}, or a saved file of the same
 * shape). Only {@code seq}, {@code canonical}, {@code prev} and {@code hash} are read: the other
 * fields repeat the canonical text, which is what the chain covers.
 */
final class LogJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private LogJson() {}

  /** The chained records of {@code json}'s {@code records} array. */
  static List<ChainedRecord> records(JsonNode json) {
    ArrayNode records = recordsArray(json);
    List<ChainedRecord> out = new ArrayList<>(records.size());
    for (JsonNode node : records) {
      out.add(record(node));
    }
    return out;
  }

  /** The {@code records} array of a page or a saved log. */
  static ArrayNode recordsArray(JsonNode json) {
    if (!(json.path("records") instanceof ArrayNode records)) {
      throw new IllegalArgumentException("no records array in the log");
    }
    return records;
  }

  static ChainedRecord record(JsonNode node) {
    long seq = node.path("seq").asLong(-1);
    String canonical = text(node, "canonical");
    String prefix = seq + "|";
    if (seq < 1 || !canonical.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "record " + seq + ": the canonical text does not start with its number");
    }
    LogRecord record = LogRecord.parse(seq, canonical.substring(prefix.length()));
    return new ChainedRecord(record, text(node, "prev"), text(node, "hash"));
  }

  /** A saved log: the event and every record, in the shape of one page. */
  static String saved(String eventId, ArrayNode records) {
    try {
      return MAPPER
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(
              MAPPER.createObjectNode().put("event_id", eventId).set("records", records));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("a record without " + field);
    }
    return value.asText();
  }
}
