package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.queuegate.domain.model.AdmissionHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredRateTest {
  private static final EtaSettings DEFAULTS = EtaSettings.defaults();

  /** Slots newest first, each given as admissions per second over its 15 s; the rest empty. */
  private static AdmissionHistory slots(double... perSecond) {
    List<Long> counts = new ArrayList<>();
    for (int i = 0; i < AdmissionHistory.SLOTS; i++) {
      counts.add(i < perSecond.length ? Math.round(perSecond[i] * 15) : 0L);
    }
    return new AdmissionHistory(counts, Duration.ofSeconds(15L * perSecond.length));
  }

  private static double[] repeat(int times, double value, double... before) {
    double[] all = new double[before.length + times];
    System.arraycopy(before, 0, all, 0, before.length);
    java.util.Arrays.fill(all, before.length, all.length, value);
    return all;
  }

  @Test
  void noHistory_isTheConfiguredRateExactly() {
    assertThat(MeasuredRate.of(AdmissionHistory.NONE, 25, DEFAULTS))
        .isEqualTo(AdmissionRate.exactly(25));
  }

  @Test
  void steadyAtTheLimit_isTheConfiguredRateWithANarrowRange() {
    AdmissionRate rate = MeasuredRate.of(Histories.steady(10, 900), 10, DEFAULTS);

    assertThat(rate).isEqualTo(AdmissionRate.exactly(10));
  }

  @Test
  void steadyBelowTheLimit_isTheMeasuredRate() {
    // Something other than the limiter holds admissions at 10/s (the active limit, say).
    AdmissionRate rate = MeasuredRate.of(Histories.steady(10, 900), 50, DEFAULTS);

    assertThat(rate.perSecond()).isCloseTo(10, within(1e-9));
    assertThat(rate.low()).isCloseTo(10, within(1e-9));
    assertThat(rate.high()).isCloseTo(10, within(1e-9));
  }

  @Test
  void youngSale_dividesByTheTimeItHasRun() {
    // 40 s at 25/s with a limiter of 50/s: the windows' full lengths would say 9.5/s.
    AdmissionRate rate = MeasuredRate.of(Histories.steady(25, 40), 50, DEFAULTS);

    assertThat(rate.perSecond()).isCloseTo(25, within(1e-9));
  }

  @Test
  void halvedForTheLastMinute_rangeSpansBothRates() {
    // 4 slots at 5/s after 16 at 10/s, with the limiter now at 5/s: the last slot is at the limit.
    AdmissionRate rate = MeasuredRate.of(slots(repeat(16, 10, 5, 5, 5, 5)), 5, DEFAULTS);

    assertThat(rate.perSecond()).isEqualTo(5);
    assertThat(rate.low()).isEqualTo(5);
    assertThat(rate.high()).isEqualTo(10);
  }

  @Test
  void restoredAfterASlowdown_followsTheConfiguredRateOnceTheLastSlotIsAtTheLimit() {
    // The last slot ran at 10/s again after three minutes at 5/s: the windows still say 5.8/s
    // (6.25/s over the last minute, 5.4/s over the 195 s the history covers), the limiter 10/s.
    AdmissionRate restored = MeasuredRate.of(slots(repeat(12, 5, 10)), 10, DEFAULTS);
    AdmissionRate notYet = MeasuredRate.of(slots(repeat(12, 5, 8)), 10, DEFAULTS);

    assertThat(restored.perSecond()).isEqualTo(10);
    assertThat(restored.low()).isEqualTo(5);
    assertThat(notYet.perSecond()).isLessThan(8);
  }

  @Test
  void longPause_neverStretchesTheSlowEndBelowAQuarterOfTheRate() {
    AdmissionRate rate = MeasuredRate.of(slots(repeat(18, 0, 10, 10)), 10, DEFAULTS);

    assertThat(rate.low()).isCloseTo(rate.perSecond() / 4, within(1e-9));
  }
}
