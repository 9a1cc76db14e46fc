package io.queuegate.adapter.memory;

import io.queuegate.domain.model.IdempotencyBegin;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.port.out.IdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Idempotency records kept in this process; each key is decided atomically by its map entry. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private static final int SWEEP_VISITS = 2;

  /** A claim while {@code reply} is null, a finished request after; alive while before until. */
  private record Record(String fingerprint, IdempotencyReply reply, Instant until) {
    boolean aliveAt(Instant now) {
      return now.isBefore(until);
    }
  }

  private final ConcurrentMap<String, Record> records = new ConcurrentHashMap<>();
  private final Sweeper<String, Record> sweeper =
      new Sweeper<>(
          records,
          (key, record, now) -> {
            if (!record.aliveAt(now)) {
              records.remove(key, record);
            }
          });

  InMemoryIdempotencyStore() {}

  @Override
  public IdempotencyBegin begin(String key, String fingerprint, Duration inFlightFor, Instant now) {
    IdempotencyBegin[] outcome = new IdempotencyBegin[1];
    records.compute(
        key,
        (k, record) -> {
          if (record == null || !record.aliveAt(now)) {
            outcome[0] = new IdempotencyBegin.Started();
            return new Record(fingerprint, null, now.plus(inFlightFor));
          }
          if (!record.fingerprint().equals(fingerprint)) {
            outcome[0] = new IdempotencyBegin.Conflict();
          } else if (record.reply() == null) {
            outcome[0] = new IdempotencyBegin.InFlight();
          } else {
            outcome[0] = new IdempotencyBegin.Replay(record.reply());
          }
          return record;
        });
    sweeper.sweep(now, SWEEP_VISITS);
    return outcome[0];
  }

  @Override
  public void complete(
      String key, String fingerprint, IdempotencyReply reply, Duration keepFor, Instant now) {
    records.put(key, new Record(fingerprint, reply, now.plus(keepFor)));
    sweeper.sweep(now, SWEEP_VISITS);
  }

  /** Drops an open claim only: a finished request's reply stays for its replays. */
  @Override
  public void release(String key) {
    records.computeIfPresent(key, (k, record) -> record.reply() == null ? null : record);
  }

  /** Records held, for tests of the cleanup. */
  int size() {
    return records.size();
  }
}
