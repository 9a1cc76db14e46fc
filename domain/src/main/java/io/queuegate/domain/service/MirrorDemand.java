package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts this instance's status calls per event in windows of 10 s and tells when an event passes
 * the rate worth a mirror (docs/design.md#line-mirror). Counts of past windows are forgotten, so
 * the map holds only events asked about recently.
 */
final class MirrorDemand {
  static final Duration WINDOW = Duration.ofSeconds(10);
  private static final int PRUNE_ABOVE = 4_096;

  private final double minRatePerSec;
  private final ConcurrentHashMap<EventId, Window> windows = new ConcurrentHashMap<>();

  MirrorDemand(double minRatePerSec) {
    this.minRatePerSec = minRatePerSec;
  }

  /** Counts a status call at {@code now}; whether the event's rate is now above the minimum. */
  boolean hit(EventId eventId, Instant now) {
    if (minRatePerSec == 0) {
      return true;
    }
    long nowMs = now.toEpochMilli();
    Window window = windows.get(eventId);
    if (window == null || window.over(nowMs)) {
      window =
          windows.compute(eventId, (e, w) -> w == null || w.over(nowMs) ? new Window(nowMs) : w);
    }
    long count = window.hits.incrementAndGet();
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> w.over(nowMs));
    }
    return count > minRatePerSec * WINDOW.toSeconds();
  }

  /** Forgets an event's count, once it is mirrored or dropped. */
  void forget(EventId eventId) {
    windows.remove(eventId);
  }

  /** One window's start and its count. */
  private static final class Window {
    final long startMs;
    final AtomicLong hits = new AtomicLong();

    Window(long startMs) {
      this.startMs = startMs;
    }

    boolean over(long nowMs) {
      return nowMs - startMs >= WINDOW.toMillis();
    }
  }
}
