package io.queuegate.domain.service;

import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.AdmissionLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Estimates an event's admission rate and a waiter's time to the head of the line. */
public final class EtaEstimator {
  /** The specification's cap on an estimate: one day. */
  public static final long MAX_ETA_SECONDS = 86_400;

  // Estimates err 10% on the long side: arriving early disappoints less than arriving late.
  private static final double SAFETY_FACTOR = 1.1;
  // Float noise such as 10 / 1.0 * 1.1 = 11.000000000000002 must not round up to 12.
  private static final double ROUNDING_SLACK = 1e-9;
  // The counts are read at most once a second per event; see ratePerSecond.
  private static final Duration REFRESH_AFTER = Duration.ofSeconds(1);
  private static final int MAX_CACHED_EVENTS = 10_000;

  private final AdmissionLedger ledger;
  private final Clock clock;
  private final ExpiringCache<EventId, AdmissionWindows> windows;

  public EtaEstimator(AdmissionLedger ledger, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger);
    this.clock = Objects.requireNonNull(clock);
    this.windows = new ExpiringCache<>(REFRESH_AFTER, MAX_CACHED_EVENTS);
  }

  /**
   * Admissions per second, weighted over the last 60, 300 and 900 seconds, or the policy's
   * configured rate before the first admission. The ledger is asked at most once a second per
   * event; the counts rather than the rate are cached, so a policy change applies at once.
   */
  public double ratePerSecond(EventId eventId, QueuePolicy policy) {
    Instant now = clock.instant();
    AdmissionWindows counts = windows.get(eventId, now, id -> ledger.recentAdmissions(id, now));
    return weightedRate(counts, policy.admissionRatePerSec());
  }

  /** {@code ceil(position / rate * 1.1)}, never negative and at most one day. */
  public static long etaSeconds(long position, double ratePerSecond) {
    if (position <= 0) {
      return 0;
    }
    if (!(ratePerSecond > 0)) {
      return MAX_ETA_SECONDS;
    }
    double seconds = Math.ceil(position / ratePerSecond * SAFETY_FACTOR - ROUNDING_SLACK);
    return seconds >= MAX_ETA_SECONDS ? MAX_ETA_SECONDS : Math.max(0, (long) seconds);
  }

  static double weightedRate(AdmissionWindows counts, double fallbackRate) {
    Weighted sum =
        new Weighted(0, 0)
            .add(counts.last60s(), 60, 0.5)
            .add(counts.last300s(), 300, 0.3)
            .add(counts.last900s(), 900, 0.2);
    return sum.weights() == 0 ? fallbackRate : sum.rate() / sum.weights();
  }

  /** A running weighted sum; windows without admissions have no data and take no part. */
  private record Weighted(double rate, double weights) {
    Weighted add(long count, long windowSeconds, double weight) {
      return count <= 0
          ? this
          : new Weighted(rate + weight * count / windowSeconds, weights + weight);
    }
  }
}
