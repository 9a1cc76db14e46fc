package io.queuegate.domain.service;

import static io.queuegate.domain.model.AdmissionWindows.SPANS;

import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.AdmissionLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Estimates an event's admission rate and a waiter's time to the head of the line. */
public final class EtaEstimator {
  // Float noise such as 10 / 1.0 * 1.1 = 11.000000000000002 must not round up to 12.
  private static final double ROUNDING_SLACK = 1e-9;
  // The counts are read at most once a second per event; see ratePerSecond.
  private static final Duration REFRESH_AFTER = Duration.ofSeconds(1);
  // After a failed read, the configured rate answers at once for this long; see ratePerSecond.
  static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final int MAX_CACHED_EVENTS = 10_000;

  private final AdmissionLedger ledger;
  private final Clock clock;
  private final ExpiringCache<EventId, AdmissionWindows> windows;
  private final EtaSettings settings;

  /** The estimate with the default weights and safety factor. */
  public EtaEstimator(AdmissionLedger ledger, Clock clock) {
    this(ledger, clock, EtaSettings.defaults());
  }

  public EtaEstimator(AdmissionLedger ledger, Clock clock, EtaSettings settings) {
    this.ledger = Objects.requireNonNull(ledger);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
    this.windows =
        new ExpiringCache<>(clock, REFRESH_AFTER, Duration.ZERO, BACKOFF, MAX_CACHED_EVENTS);
  }

  /**
   * Admissions per second, weighted over the last 60, 300 and 900 seconds, or the policy's
   * configured rate before the first admission. The ledger is asked at most once a second per
   * event, by one caller at a time (the others wait for that read); the counts rather than the rate
   * are cached, so a policy change applies at once. When the read fails, the configured rate
   * answers, and for {@link #BACKOFF} it answers at once without asking the ledger.
   */
  public double ratePerSecond(EventId eventId, QueuePolicy policy) {
    AdmissionWindows counts;
    try {
      counts = windows.get(eventId, id -> ledger.recentAdmissions(id, clock.instant()));
    } catch (StoreUnavailableException e) {
      // The estimate is asked for after a join has taken effect: failing it then would answer
      // 503 to a join that holds a place, and the client would join again. The configured rate
      // is an honest estimate meanwhile; the ledger is read again once the backoff is over.
      return policy.admissionRatePerSec();
    }
    return weightedRate(counts, policy.admissionRatePerSec(), settings);
  }

  /** Seconds until {@code position} reaches the head at {@code ratePerSecond}. */
  public long etaSeconds(long position, double ratePerSecond) {
    return etaSeconds(position, ratePerSecond, settings);
  }

  /**
   * {@code ceil(position / rate * safetyFactor)}, never negative and at most the cap. The factor
   * errs on the long side: arriving early disappoints less than arriving late.
   */
  static long etaSeconds(long position, double ratePerSecond, EtaSettings settings) {
    if (position <= 0) {
      return 0;
    }
    if (!(ratePerSecond > 0)) {
      return settings.maxSeconds();
    }
    double seconds = Math.ceil(position / ratePerSecond * settings.safetyFactor() - ROUNDING_SLACK);
    return seconds >= settings.maxSeconds() ? settings.maxSeconds() : Math.max(0, (long) seconds);
  }

  static double weightedRate(AdmissionWindows counts, double fallbackRate, EtaSettings settings) {
    Weighted sum =
        new Weighted(0, 0)
            .add(counts.last60s(), SPANS.get(0), settings.weight60s())
            .add(counts.last300s(), SPANS.get(1), settings.weight300s())
            .add(counts.last900s(), SPANS.get(2), settings.weight900s());
    return sum.weights() == 0 ? fallbackRate : sum.rate() / sum.weights();
  }

  /** A running weighted sum; windows without admissions have no data and take no part. */
  private record Weighted(double rate, double weights) {
    Weighted add(long count, Duration window, double weight) {
      return count <= 0 || weight == 0
          ? this
          : new Weighted(rate + weight * count / window.toSeconds(), weights + weight);
    }
  }
}
