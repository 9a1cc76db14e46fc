package io.queuegate.domain.log;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import java.time.Instant;
import java.util.Optional;

/** Reads a record's canonical text back; the exact inverse of {@link LogRecord#body()}. */
final class LogRecordParser {
  private LogRecordParser() {}

  static LogRecord parse(long seq, String body) {
    String[] f = body.split("\\|", -1);
    try {
      LogRecord record =
          switch (f[0]) {
            case "join" -> {
              expect(f, 4);
              if (!f[3].equals("pre") && !f[3].equals("line")) {
                throw new IllegalArgumentException("a join is pre or line");
              }
              yield new LogRecord.Join(seq, at(f[1]), new EntrantId(f[2]), f[3].equals("pre"));
            }
            case "admit" -> {
              expect(f, 5);
              yield new LogRecord.Admission(
                  seq, at(f[1]), new EntrantId(f[2]), number(f[3]), number(f[4]));
            }
            case "leave" -> {
              expect(f, 3);
              yield new LogRecord.Leave(seq, at(f[1]), new EntrantId(f[2]));
            }
            case "expire" -> {
              expect(f, 3);
              yield new LogRecord.Expiry(seq, at(f[1]), new EntrantId(f[2]));
            }
            case "open" -> {
              // The public value is last and may itself hold the separator.
              String[] head = body.split("\\|", 6);
              if (head.length != 6) {
                throw new IllegalArgumentException("an opening has 6 fields");
              }
              yield new LogRecord.Opening(
                  seq,
                  at(head[1]),
                  number(head[2]),
                  new ShuffleSeed(head[3]),
                  new ShuffleKey(head[4]),
                  head[5].isEmpty() ? Optional.empty() : Optional.of(head[5]));
            }
            default -> throw new IllegalArgumentException("unknown record type " + f[0]);
          };
      if (!record.body().equals(body)) {
        throw new IllegalArgumentException("not in canonical form");
      }
      return record;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("record " + seq + " (" + body + "): " + e.getMessage(), e);
    }
  }

  private static void expect(String[] fields, int count) {
    if (fields.length != count) {
      throw new IllegalArgumentException("expected " + count + " fields");
    }
  }

  private static Instant at(String millis) {
    return Instant.ofEpochMilli(number(millis));
  }

  private static long number(String text) {
    if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a number: " + text);
    }
    return Long.parseLong(text);
  }
}
