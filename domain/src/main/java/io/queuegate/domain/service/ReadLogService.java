package io.queuegate.domain.service;

import io.queuegate.domain.log.ChainedRecord;
import io.queuegate.domain.log.LogChain;
import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.in.ReadLogUseCase;
import io.queuegate.domain.port.out.AdmissionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves an event's log chained. The stores keep records only (Lua has no SHA-256); the hashes are
 * a function of the records, so they are worked out here on the way out, from the nearest hash this
 * instance kept ({@link LogCheckpoints}), and come out the same on every instance and in the
 * verifier.
 */
public final class ReadLogService implements ReadLogUseCase {
  private static final int CHUNK = LogPage.MAX_LIMIT;

  private final AdmissionLog log;
  private final LogCheckpoints checkpoints;

  public ReadLogService(AdmissionLog log, LogCheckpoints checkpoints) {
    this.log = log;
    this.checkpoints = checkpoints;
  }

  @Override
  public LogPage read(EventId eventId, long after, int limit) {
    if (after < 0 || limit < 1 || limit > LogPage.MAX_LIMIT) {
      throw new IllegalArgumentException("after >= 0 and 1 <= limit <= " + LogPage.MAX_LIMIT);
    }
    Map.Entry<Long, LogCheckpoints.Mark> mark = checkpoints.before(eventId, after);
    long cursor = 0;
    String prev = LogChain.genesis(eventId);
    if (mark != null && stillHolds(eventId, mark)) {
      cursor = mark.getKey();
      prev = mark.getValue().hash();
    } else if (mark != null) {
      checkpoints.forget(eventId); // the event's log was deleted and began again
    }
    List<ChainedRecord> page = new ArrayList<>();
    while (page.size() < limit) {
      int want = cursor < after ? (int) Math.min(CHUNK, after - cursor) : limit - page.size();
      List<LogRecord> batch = log.read(eventId, cursor, want);
      for (LogRecord record : batch) {
        String hash = LogChain.next(prev, record);
        checkpoints.note(eventId, record, hash);
        if (record.seq() > after) {
          page.add(new ChainedRecord(record, prev, hash));
        }
        prev = hash;
        cursor = record.seq();
      }
      if (batch.size() < want) {
        break;
      }
    }
    return new LogPage(after, limit, page);
  }

  // The record a mark was taken at must still be the same text: else the log is a new one.
  private boolean stillHolds(EventId eventId, Map.Entry<Long, LogCheckpoints.Mark> mark) {
    List<LogRecord> at = log.read(eventId, mark.getKey() - 1, 1);
    return at.size() == 1 && at.get(0).canonical().equals(mark.getValue().canonical());
  }
}
