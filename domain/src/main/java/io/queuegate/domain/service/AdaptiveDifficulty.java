package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raises an event's proof-of-work difficulty under pressure (docs/design.md#bots): {@code base ×
 * max(1, prefixRate / prefixLimit) × max(1, joinRate / eventLimit)}, bounded by the base and {@link
 * QueuePolicy#MAX_DIFFICULTY}. The prefix rate counts challenge requests from the client's prefix,
 * the join rate the solved joins of the whole event; both are exponentially decayed averages over
 * the settings' window, kept per instance.
 */
public final class AdaptiveDifficulty {
  /** Beyond this many tracked prefixes, new ones share one counter (see {@link #OVERFLOW}). */
  static final int MAX_PREFIXES = 100_000;

  // Where prefixes go while the map is full of busy ones: a flood of fresh prefixes shares (and
  // raises) one rate instead of growing the map or escaping the price.
  static final String OVERFLOW = "*overflow*";
  private static final long PURGE_EVERY_MS = 1000;
  private static final double QUIET_PER_SEC = 0.01;

  private final ProofOfWorkSettings settings;
  private final long windowMs;
  private final Map<String, DecayingRate> prefixes = new ConcurrentHashMap<>();
  private final Map<EventId, DecayingRate> joins = new ConcurrentHashMap<>();
  private final AtomicLong nextPurgeMs = new AtomicLong(Long.MIN_VALUE);

  public AdaptiveDifficulty(ProofOfWorkSettings settings) {
    this.settings = settings;
    this.windowMs = settings.window().toMillis();
  }

  /** Counts one challenge request from {@code clientPrefix} and returns its difficulty. */
  public long next(EventId eventId, String clientPrefix, long base, Instant now) {
    double prefixRate = bump(prefixes, trackedKey(eventId.value() + "|" + clientPrefix, now), now);
    DecayingRate events = joins.get(eventId);
    double joinRate = events == null ? 0 : events.decayedTo(now, windowMs);
    double factor =
        Math.max(1, prefixRate / settings.prefixRatePerSec())
            * Math.max(1, joinRate / settings.eventRatePerSec());
    return (long) Math.max(base, Math.min(QueuePolicy.MAX_DIFFICULTY, base * factor));
  }

  /**
   * Counts one join whose solution was accepted. Only solved joins count for the event, so raising
   * everyone's difficulty costs solved challenges, never free challenge requests.
   */
  public void joined(EventId eventId, Instant now) {
    bump(joins, eventId, now);
  }

  int trackedPrefixes() {
    return prefixes.size();
  }

  private String trackedKey(String key, Instant now) {
    if (prefixes.size() < MAX_PREFIXES || prefixes.containsKey(key)) {
      return key;
    }
    long at = now.toEpochMilli();
    long due = nextPurgeMs.get();
    // One purge a second at most: a full map must not turn every request into a scan.
    if (at >= due && nextPurgeMs.compareAndSet(due, at + PURGE_EVERY_MS)) {
      prefixes.values().removeIf(r -> r.decayedTo(now, windowMs) < QUIET_PER_SEC);
    }
    return prefixes.size() < MAX_PREFIXES ? key : OVERFLOW;
  }

  private <K> double bump(Map<K, DecayingRate> rates, K key, Instant now) {
    return rates
        .compute(key, (k, r) -> (r == null ? new DecayingRate(0, now) : r).plusOne(now, windowMs))
        .perSecond();
  }

  /** An exponentially decayed count of events per second, as of {@code at}. */
  private record DecayingRate(double perSecond, Instant at) {
    DecayingRate plusOne(Instant now, long windowMs) {
      return new DecayingRate(decayedTo(now, windowMs) + 1000.0 / windowMs, max(now));
    }

    double decayedTo(Instant now, long windowMs) {
      long elapsed = Math.max(0, now.toEpochMilli() - at.toEpochMilli());
      return perSecond * Math.exp(-(double) elapsed / windowMs);
    }

    private Instant max(Instant now) {
      return now.isAfter(at) ? now : at;
    }
  }
}
