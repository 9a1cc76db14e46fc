package io.queuegate.domain.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Which events an instance mirrors and how its followers read the feed
 * (docs/design.md#line-mirror).
 *
 * @param enabled whether status may answer from mirrors at all
 * @param minRatePerSec status calls per second on this instance above which an event is mirrored; 0
 *     mirrors an event on its first status call
 * @param maxEvents how many events one instance mirrors at once
 * @param idlePause how long a follower waits after a read that reached the feed's end
 * @param quietPause the longest it waits once the line has not changed for a second: the wait
 *     doubles from {@code idlePause} with each read that finds nothing, so a quiet line costs few
 *     reads
 * @param staleness how long after its last read that reached the feed's end a mirror may answer
 * @param pageSize sequences per snapshot page while a mirror is built
 * @param readBatch feed entries per read
 * @param dropAfter how long a mirrored event may go without a status call before it is dropped
 * @param maxBackoff the longest wait between reads while the store is out
 */
public record MirrorSettings(
    boolean enabled,
    double minRatePerSec,
    int maxEvents,
    Duration idlePause,
    Duration quietPause,
    Duration staleness,
    int pageSize,
    int readBatch,
    Duration dropAfter,
    Duration maxBackoff) {
  public MirrorSettings {
    Objects.requireNonNull(idlePause);
    Objects.requireNonNull(quietPause);
    Objects.requireNonNull(staleness);
    Objects.requireNonNull(dropAfter);
    Objects.requireNonNull(maxBackoff);
    if (!(minRatePerSec >= 0) || Double.isInfinite(minRatePerSec)) {
      throw new IllegalArgumentException("mirror min-rate is a rate of at least 0");
    }
    if (maxEvents < 0 || pageSize < 1 || readBatch < 1) {
      throw new IllegalArgumentException("mirror max-events, page-size and read batch are sizes");
    }
    if (idlePause.isNegative()
        || quietPause.compareTo(idlePause) < 0
        || quietPause.compareTo(staleness) >= 0
        || !staleness.isPositive()
        || !dropAfter.isPositive()
        || !maxBackoff.isPositive()) {
      throw new IllegalArgumentException(
          "mirror durations are positive, and quiet-poll is at least poll and under staleness");
    }
  }

  /**
   * The defaults (docs/design.md#line-mirror): mirror above 50 status calls a second, at most 64
   * events, 10 ms between reads at the feed's end (up to 100 ms on a quiet line), answer for 1 s
   * after the last, pages of 10,000.
   */
  public static MirrorSettings defaults() {
    return new MirrorSettings(
        true,
        50,
        64,
        Duration.ofMillis(10),
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        10_000,
        1_000,
        Duration.ofSeconds(60),
        Duration.ofSeconds(2));
  }
}
