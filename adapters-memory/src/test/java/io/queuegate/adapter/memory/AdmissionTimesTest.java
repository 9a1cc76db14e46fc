package io.queuegate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdmissionTimesTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void countAfter_countsOnlyStrictlyLaterInstants() {
    AdmissionTimes times = new AdmissionTimes();
    for (int s = 0; s < 20; s++) {
      times.add(T0.plusSeconds(s));
    }

    assertThat(times.countAfter(T0.plusSeconds(9))).isEqualTo(10);
    assertThat(times.countAfter(T0.minusSeconds(1))).isEqualTo(20);
    assertThat(times.countAfter(T0.plusSeconds(19))).isZero();
  }

  @Test
  void instantsArrivingSlightlyOutOfOrder_areStillCountedRight() {
    AdmissionTimes times = new AdmissionTimes();
    times.add(T0.plusMillis(300));
    times.add(T0.plusMillis(100));
    times.add(T0.plusMillis(200));

    assertThat(times.countAfter(T0.plusMillis(150))).isEqualTo(2);
    times.dropUpTo(T0.plusMillis(100));
    assertThat(times.size()).isEqualTo(2);
    assertThat(times.countAfter(T0)).isEqualTo(2);
  }

  @Test
  void dropUpTo_forgetsOldInstantsAndKeepsCountingNewOnes() {
    AdmissionTimes times = new AdmissionTimes();
    for (int s = 0; s < 1_000; s++) {
      times.add(T0.plusSeconds(s));
      times.dropUpTo(T0.plusSeconds(s - 10));
    }

    assertThat(times.size()).isEqualTo(10);
    assertThat(times.countAfter(T0.plusSeconds(994))).isEqualTo(5);
    times.dropUpTo(T0.plusSeconds(1_000));
    assertThat(times.size()).isZero();
  }
}
