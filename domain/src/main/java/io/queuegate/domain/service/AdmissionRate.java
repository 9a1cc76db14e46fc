package io.queuegate.domain.service;

/**
 * The admission rate an ETA reckons with ({@code perSecond}), and the slowest and fastest rates
 * that the event's recent history makes plausible ({@code low <= perSecond <= high}).
 */
public record AdmissionRate(double perSecond, double low, double high) {

  /** A rate known exactly, such as the configured one before the first admission. */
  public static AdmissionRate exactly(double perSecond) {
    return new AdmissionRate(perSecond, perSecond, perSecond);
  }
}
