package io.queuegate.domain.service;

import io.queuegate.domain.model.Eta;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.AdmissionLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Estimates an event's admission rate and a waiter's time to admission, with its range. */
public final class EtaEstimator {
  // Float noise such as 10 / 1.0 * 1.1 = 11.000000000000002 must not round up to 12.
  private static final double ROUNDING_SLACK = 1e-9;
  // The history is read at most once a second per event; see rate.
  private static final Duration REFRESH_AFTER = Duration.ofSeconds(1);
  // After a failed read, the ledger is not asked again for this long; see rate.
  static final Duration BACKOFF = Duration.ofSeconds(1);
  // How long past its refresh a history still serves while it is read again or cannot be read: the
  // rate over 900 s moves little in 30 s, and a status call should not wait on the ledger for it.
  static final Duration GRACE = Duration.ofSeconds(30);
  private static final int MAX_CACHED_EVENTS = 10_000;

  private final AdmissionLedger ledger;
  private final Clock clock;
  private final ExpiringCache<EventId, RatedHistory> histories;
  private final EtaSettings settings;

  /** The estimate with the default weights and safety factor. */
  public EtaEstimator(AdmissionLedger ledger, Clock clock) {
    this(ledger, clock, EtaSettings.defaults());
  }

  /** An estimator that reads the history on the caller's thread. */
  public EtaEstimator(AdmissionLedger ledger, Clock clock, EtaSettings settings) {
    this(ledger, clock, settings, Runnable::run);
  }

  /**
   * @param refresher runs the read of a history past its refresh but within its grace, while
   *     callers are served the history they had
   */
  public EtaEstimator(
      AdmissionLedger ledger, Clock clock, EtaSettings settings, Executor refresher) {
    this.ledger = Objects.requireNonNull(ledger);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
    this.histories =
        new ExpiringCache<>(clock, REFRESH_AFTER, GRACE, BACKOFF, MAX_CACHED_EVENTS, refresher);
  }

  /**
   * The event's admission rate and its plausible range, from the admissions of the last 900 s
   * ({@link MeasuredRate}), or the policy's configured rate before the first admission. The ledger
   * is asked at most once a second per event, by one caller at a time; meanwhile, and while the
   * ledger cannot be read, the history read last serves for up to {@link #GRACE} past its refresh
   * (its reload runs on the refresher). The rate is worked out from the history and the configured
   * rate on every call, so a policy change applies at once. Without a history to serve, a failed
   * read makes the configured rate answer, and for {@link #BACKOFF} it answers at once without
   * asking the ledger.
   */
  public AdmissionRate rate(EventId eventId, QueuePolicy policy) {
    RatedHistory history;
    try {
      history =
          histories.get(
              eventId,
              id -> new RatedHistory(ledger.admissionHistory(id, clock.instant()), settings));
    } catch (StoreUnavailableException e) {
      // The estimate is asked for after a join has taken effect: failing it then would answer
      // 503 to a join that holds a place, and the client would join again. The configured rate
      // is an honest estimate meanwhile; the ledger is read again once the backoff is over.
      return AdmissionRate.exactly(policy.admissionRatePerSec());
    }
    return history.rate(policy.admissionRatePerSec());
  }

  /** The rate alone ({@link #rate}). */
  public double ratePerSecond(EventId eventId, QueuePolicy policy) {
    return rate(eventId, policy).perSecond();
  }

  /** The ETA of a waiter at {@code position} and its range ({@link EtaBand}). */
  public Eta estimate(long position, AdmissionRate rate, QueuePolicy policy) {
    return EtaBand.estimate(position, rate, policy.readyWindow(), settings);
  }

  /** Seconds until {@code position} reaches the head at {@code ratePerSecond}. */
  public long etaSeconds(long position, double ratePerSecond) {
    return etaSeconds(position, ratePerSecond, settings);
  }

  /**
   * {@code ceil(position / rate * safetyFactor)}, never negative and at most the cap: the point
   * estimate of {@link EtaBand} (the factor is 1 unless configured otherwise).
   */
  static long etaSeconds(long position, double ratePerSecond, EtaSettings settings) {
    if (position <= 0) {
      return 0;
    }
    if (!(ratePerSecond > 0)) {
      return settings.maxSeconds();
    }
    return seconds(position / ratePerSecond * settings.safetyFactor(), settings);
  }

  /** {@code seconds} rounded up to whole seconds, never negative and at most the cap. */
  static long seconds(double seconds, EtaSettings settings) {
    double whole = Math.ceil(seconds - ROUNDING_SLACK);
    return whole >= settings.maxSeconds() ? settings.maxSeconds() : Math.max(0, (long) whole);
  }
}
