package io.queuegate.domain.service;

/**
 * How an ETA is estimated: the weights of the 60, 300 and 900 second admission windows (the store
 * keeps 900 s of admission times, so the windows themselves are fixed), the safety factor, and the
 * cap in seconds.
 */
public record EtaSettings(
    double weight60s, double weight300s, double weight900s, double safetyFactor, long maxSeconds) {

  public EtaSettings {
    if (weight60s < 0 || weight300s < 0 || weight900s < 0) {
      throw new IllegalArgumentException("ETA window weights must not be negative");
    }
    if (!(weight60s + weight300s + weight900s > 0)) {
      throw new IllegalArgumentException("at least one ETA window weight must be positive");
    }
    if (!(safetyFactor >= 1) || maxSeconds < 1) {
      throw new IllegalArgumentException("ETA safety factor must be >= 1 and the cap >= 1 s");
    }
  }

  /**
   * The default estimate (docs/design.md#eta): weights 0.5/0.3/0.2, no safety factor (the range's
   * high end says how late it may run), at most a day.
   */
  public static EtaSettings defaults() {
    return new EtaSettings(0.5, 0.3, 0.2, 1.0, 86_400);
  }
}
