package io.queuegate.domain.service;

import static io.queuegate.domain.model.AdmissionWindows.SPANS;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads an {@link AdmissionRate} from an event's admission history (docs/design.md#eta): a weighted
 * mean over the sliding windows for the rate, and the spread of the per-slot rates for its range.
 */
final class MeasuredRate {
  // Right after the first admission the history is a few milliseconds long; dividing by that would
  // make a burst look like thousands per second. The configured rate caps the result anyway.
  private static final double SHORTEST_AGE_SEC = 1.0;
  // A slot counts towards the spread only when the history covers at least half of it: a sliver
  // of a slot says more about the limiter's burst than about the rate.
  private static final double SHORTEST_SLOT_SHARE = 0.5;
  // The range's slow end never falls below this share of the rate: a long pause in the history
  // would otherwise stretch every range to the cap.
  private static final double SLOWEST_SHARE = 0.25;
  // A last slot at 90 % of the configured rate or more means the limiter, not demand, sets the
  // pace.
  private static final double AT_THE_LIMIT = 0.9;
  private static final double LOW_QUANTILE = 0.1;
  private static final double HIGH_QUANTILE = 0.9;

  private MeasuredRate() {}

  /**
   * The rate and its plausible range. Before the first admission (or without a history) that is the
   * configured rate exactly. The rate never exceeds the configured one, which the limiter enforces
   * from now on; the range's fast end may, since the history may have run faster.
   */
  static AdmissionRate of(AdmissionHistory history, double configured, EtaSettings settings) {
    double age = Math.max(SHORTEST_AGE_SEC, history.age().toMillis() / 1000.0);
    double measured = weightedRate(history.windows(), age, settings);
    if (!(measured > 0)) {
      return AdmissionRate.exactly(configured);
    }
    List<Double> slotRates = slotRates(history, age);
    // While the line keeps the limiter busy it drains at the configured rate, whatever the windows
    // remember of an earlier, slower rate (a rate raised again after a slowdown, say). The windows
    // matter when something else holds admissions back: the active limit, waiters who do not come.
    boolean atTheLimit = !slotRates.isEmpty() && slotRates.get(0) >= AT_THE_LIMIT * configured;
    double rate = atTheLimit ? configured : Math.min(measured, configured);
    if (slotRates.size() < 2) {
      return AdmissionRate.exactly(rate);
    }
    double low = Math.max(rate * SLOWEST_SHARE, Math.min(rate, quantile(slotRates, LOW_QUANTILE)));
    double high = Math.max(rate, quantile(slotRates, HIGH_QUANTILE));
    return new AdmissionRate(rate, low, high);
  }

  /**
   * The weighted mean of the windows' rates, each window's count divided by the part of it that the
   * history covers: a sale 40 s old has had 40 s to admit, not 900. Windows without admissions take
   * no part; 0 when none has any.
   */
  static double weightedRate(AdmissionWindows counts, double ageSec, EtaSettings settings) {
    double[] weights = {settings.weight60s(), settings.weight300s(), settings.weight900s()};
    long[] admitted = {counts.last60s(), counts.last300s(), counts.last900s()};
    double sum = 0;
    double weightSum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (admitted[i] > 0 && weights[i] > 0) {
        double covered = Math.min(SPANS.get(i).toMillis() / 1000.0, ageSec);
        sum += weights[i] * admitted[i] / covered;
        weightSum += weights[i];
      }
    }
    return weightSum == 0 ? 0 : sum / weightSum;
  }

  /** The rate of each slot that the history covers at least half of, oldest ones included. */
  private static List<Double> slotRates(AdmissionHistory history, double ageSec) {
    double slotSec = AdmissionHistory.SLOT.toMillis() / 1000.0;
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < history.slots().size(); i++) {
      double covered = Math.min(slotSec, ageSec - i * slotSec);
      if (covered < slotSec * SHORTEST_SLOT_SHARE) {
        break;
      }
      rates.add(history.slots().get(i) / covered);
    }
    return rates;
  }

  /** The nearest-rank quantile of {@code values}. */
  private static double quantile(List<Double> values, double q) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
