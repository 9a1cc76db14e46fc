package io.queuegate.domain.log;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of an event's log, numbered from 1 by {@code seq}, stamped with the store step's time.
 * Its {@link #body()} is the canonical text (docs/design.md#log) that the hash chain covers after
 * {@code seq + "|"}, and the form the Redis store keeps: fields separated by {@code |}, times in
 * epoch milliseconds (a record keeps its time to the millisecond), entrant ids in lowercase hex.
 */
public sealed interface LogRecord {
  /** The record's number in the log, from 1, without gaps. */
  long seq();

  /** When the store step that wrote it ran. */
  Instant at();

  /** The canonical text after the sequence number. */
  String body();

  /** The canonical text the chain hashes: {@code seq|body}. */
  default String canonical() {
    return seq() + "|" + body();
  }

  /** A join: the entrant took a place in the pre-queue ({@code preQueue}) or at the back. */
  record Join(long seq, Instant at, EntrantId entrant, boolean preQueue) implements LogRecord {
    public Join {
      at = toMillis(seq, at);
      Objects.requireNonNull(entrant);
    }

    @Override
    public String body() {
      return "join|"
          + at.toEpochMilli()
          + "|"
          + entrant.value()
          + "|"
          + (preQueue ? "pre" : "line");
    }
  }

  /**
   * The opening: the seed revealed, the effective key, the public value mixed in (if any), and how
   * many entrants the pre-queue held, now standing in their shuffled order.
   */
  record Opening(
      long seq,
      Instant at,
      long entrants,
      ShuffleSeed seed,
      ShuffleKey key,
      Optional<String> publicValue)
      implements LogRecord {
    public Opening {
      at = toMillis(seq, at);
      Objects.requireNonNull(seed);
      Objects.requireNonNull(key);
      Objects.requireNonNull(publicValue);
    }

    // The public value goes last: it is free text and may hold the separator.
    @Override
    public String body() {
      return "open|"
          + at.toEpochMilli()
          + "|"
          + entrants
          + "|"
          + seed.hex()
          + "|"
          + key.hex()
          + "|"
          + publicValue.orElse("");
    }
  }

  /** An admission of the entrant standing at {@code position} with {@code window} in force. */
  record Admission(long seq, Instant at, EntrantId entrant, long position, long window)
      implements LogRecord {
    public Admission {
      at = toMillis(seq, at);
      Objects.requireNonNull(entrant);
    }

    @Override
    public String body() {
      return "admit|" + at.toEpochMilli() + "|" + entrant.value() + "|" + position + "|" + window;
    }
  }

  /** The entrant left the line by its own request. */
  record Leave(long seq, Instant at, EntrantId entrant) implements LogRecord {
    public Leave {
      at = toMillis(seq, at);
      Objects.requireNonNull(entrant);
    }

    @Override
    public String body() {
      return "leave|" + at.toEpochMilli() + "|" + entrant.value();
    }
  }

  /** The reaper removed the entrant after its heartbeat timeout. */
  record Expiry(long seq, Instant at, EntrantId entrant) implements LogRecord {
    public Expiry {
      at = toMillis(seq, at);
      Objects.requireNonNull(entrant);
    }

    @Override
    public String body() {
      return "expire|" + at.toEpochMilli() + "|" + entrant.value();
    }
  }

  /** The entrant a record names, or empty for the opening. */
  default Optional<EntrantId> named() {
    return switch (this) {
      case Join j -> Optional.of(j.entrant());
      case Admission a -> Optional.of(a.entrant());
      case Leave l -> Optional.of(l.entrant());
      case Expiry e -> Optional.of(e.entrant());
      case Opening o -> Optional.empty();
    };
  }

  /**
   * The record numbered {@code seq} whose canonical text after the number is {@code body}.
   *
   * @throws IllegalArgumentException when {@code body} is not a record's canonical text
   */
  static LogRecord parse(long seq, String body) {
    return LogRecordParser.parse(seq, body);
  }

  // The canonical text holds milliseconds, so a record holds exactly what its text says.
  private static Instant toMillis(long seq, Instant at) {
    if (seq < 1) {
      throw new IllegalArgumentException("log records are numbered from 1");
    }
    return at.truncatedTo(ChronoUnit.MILLIS);
  }
}
