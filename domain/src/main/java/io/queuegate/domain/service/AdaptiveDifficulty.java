package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raises an event's proof-of-work difficulty under pressure (docs/design.md#bots): {@code base ×
 * max(1, prefixRate / prefixLimit) × max(1, eventRate / eventLimit)}, bounded by the base and
 * {@link QueuePolicy#MAX_DIFFICULTY}. Rates are exponentially decayed averages over the settings'
 * window, kept per instance: each instance sees its own share of the traffic.
 */
public final class AdaptiveDifficulty {
  // Beyond this many prefixes, the quiet ones are dropped so a spoofed flood cannot grow the map.
  private static final int MAX_PREFIXES = 100_000;

  private final ProofOfWorkSettings settings;
  private final Map<String, DecayingRate> prefixes = new ConcurrentHashMap<>();
  private final Map<EventId, DecayingRate> events = new ConcurrentHashMap<>();

  public AdaptiveDifficulty(ProofOfWorkSettings settings) {
    this.settings = settings;
  }

  /** Counts one challenge request and returns the difficulty to issue it at. */
  public long next(EventId eventId, String clientPrefix, long base, Instant now) {
    long windowMs = settings.window().toMillis();
    double prefixRate = bump(prefixes, eventId.value() + "|" + clientPrefix, now, windowMs);
    double eventRate = bump(events, eventId, now, windowMs);
    double factor =
        Math.max(1, prefixRate / settings.prefixRatePerSec())
            * Math.max(1, eventRate / settings.eventRatePerSec());
    double raised = base * factor;
    return (long) Math.max(base, Math.min(QueuePolicy.MAX_DIFFICULTY, raised));
  }

  private <K> double bump(Map<K, DecayingRate> rates, K key, Instant now, long windowMs) {
    if (rates.size() > MAX_PREFIXES) {
      rates.values().removeIf(r -> r.decayedTo(now, windowMs) < 0.01);
    }
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
