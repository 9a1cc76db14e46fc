package io.queuegate.domain.service;

import io.queuegate.domain.model.Eta;

/**
 * A waiter's ETA and its range (docs/design.md#eta). The line ahead of the ready window drains at
 * the admission rate; within the window any ready waiter may enter, so a waiter's turn there is a
 * draw among up to {@code ready_window} others. The range takes the fast and slow ends of the rate
 * for the line ahead and the 10th and 90th percentiles of that draw.
 */
final class EtaBand {
  // Within the window each admission goes to one of w ready waiters, so a waiter's time there is
  // about exponential with mean w / rate: its 10th percentile is ln(10/9), its median ln(2) and its
  // 90th ln(10) times the mean.
  private static final double DRAW_LOW = Math.log(10.0 / 9.0);
  private static final double DRAW_HIGH = Math.log(10.0);
  private static final double DRAW_MEDIAN = Math.log(2.0);
  // However steady the history, the rate may move a little and the client notices its turn only at
  // its next poll (1 s near the head, see PollingHint) plus a round trip: the range is at least
  // +-10% around the point, and 2 s more at its top.
  private static final double RANGE_SHARE = 0.1;
  private static final double RANGE_SLACK_SEC = 2;
  // Float noise such as 10 / 1.0 = 10.000000000000002 must not round up to 11.
  private static final double ROUNDING_SLACK = 1e-9;

  private EtaBand() {}

  static Eta estimate(long position, AdmissionRate rate, long readyWindow, EtaSettings settings) {
    if (position <= 0) {
      return Eta.NONE;
    }
    long cap = settings.maxSeconds();
    if (!(rate.perSecond() > 0)) {
      return new Eta(cap, cap, cap);
    }
    long window = Math.max(1, readyWindow);
    double ahead = Math.max(0, position - window);
    double drawn = Math.min(position, window);
    // The point is the median: the places ahead of the window, then the median of the draw.
    double point = (ahead + DRAW_MEDIAN * drawn) / rate.perSecond();
    double low = (ahead + DRAW_LOW * drawn) / rate.high();
    // A waiter already in the window may still be overtaken by anyone who lands in it later.
    double high = (ahead + DRAW_HIGH * window) / rate.low();
    low = Math.min(low, point * (1 - RANGE_SHARE));
    high = Math.max(high, point * (1 + RANGE_SHARE)) + RANGE_SLACK_SEC;
    long sec = EtaEstimator.seconds(point * settings.safetyFactor(), settings);
    long lowSec = Math.min(sec, seconds(Math.floor(low + ROUNDING_SLACK), cap));
    long highSec = Math.max(sec, seconds(Math.ceil(high - ROUNDING_SLACK), cap));
    return new Eta(sec, lowSec, highSec);
  }

  private static long seconds(double value, long cap) {
    return value >= cap ? cap : Math.max(0, (long) value);
  }
}
