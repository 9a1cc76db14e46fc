package io.queuegate.domain.service;

import io.queuegate.domain.model.AdmissionHistory;

/**
 * An event's admission history as {@link EtaEstimator} caches it, with the rate last read from it:
 * every status call of the event asks for the rate, and reading it (the windows, the per-slot rates
 * and their quantiles) costs far more than the call's other work. The history does not change while
 * it is cached, so the rate is read again only when the configured rate it depends on changes.
 */
final class RatedHistory {
  private record Read(double configured, AdmissionRate rate) {}

  private final AdmissionHistory history;
  private final EtaSettings settings;
  // Racing readers may each read the rate once; they read the same value.
  private volatile Read last;

  RatedHistory(AdmissionHistory history, EtaSettings settings) {
    this.history = history;
    this.settings = settings;
  }

  /** The rate of this history for an event configured at {@code configured} per second. */
  AdmissionRate rate(double configured) {
    Read read = last;
    if (read == null || Double.compare(read.configured(), configured) != 0) {
      read = new Read(configured, MeasuredRate.of(history, configured, settings));
      last = read;
    }
    return read.rate();
  }
}
