package io.queuegate.adapter.http.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.queuegate.domain.log.ChainedRecord;
import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EntrantId;

/**
 * One record as published: {@code seq}, {@code canonical}, {@code prev} and {@code hash} are what
 * the chain covers (docs/design.md#log); the other fields repeat the canonical text for reading.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogRecordResponse(
    long seq,
    String type,
    String at,
    String entrant,
    Boolean preQueue,
    Long position,
    Long readyWindow,
    Long entrants,
    String seed,
    String key,
    String publicValue,
    String canonical,
    String prev,
    String hash) {

  static LogRecordResponse from(ChainedRecord chained) {
    LogRecord r = chained.record();
    String type = r.body().substring(0, r.body().indexOf('|'));
    Boolean pre = r instanceof LogRecord.Join j ? j.preQueue() : null;
    Long position = r instanceof LogRecord.Admission a ? a.position() : null;
    Long window = r instanceof LogRecord.Admission a ? a.window() : null;
    LogRecord.Opening o = r instanceof LogRecord.Opening opening ? opening : null;
    return new LogRecordResponse(
        r.seq(),
        type,
        r.at().toString(),
        r.named().map(EntrantId::value).orElse(null),
        pre,
        position,
        window,
        o == null ? null : o.entrants(),
        o == null ? null : o.seed().hex(),
        o == null ? null : o.key().hex(),
        o == null ? null : o.publicValue().orElse(null),
        r.canonical(),
        chained.prev(),
        chained.hash());
  }
}
