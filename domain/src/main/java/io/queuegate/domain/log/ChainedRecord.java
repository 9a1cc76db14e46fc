package io.queuegate.domain.log;

import java.util.Objects;

/** A log record as published: with the hash before it ({@code prev}) and its own ({@code hash}). */
public record ChainedRecord(LogRecord record, String prev, String hash) {
  public ChainedRecord {
    Objects.requireNonNull(record);
    Objects.requireNonNull(prev);
    Objects.requireNonNull(hash);
  }
}
