package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.QueuePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatCadenceTest {

  @Test
  void defaults_theOneSecondOfRetryAfterAndTheStreamCheckSetTheFloorOfThreeSeconds() {
    HeartbeatCadence cadence = HeartbeatCadence.of(Duration.ofMillis(500), Duration.ofSeconds(1));

    assertThat(cadence.fastest()).isEqualTo(Duration.ofSeconds(1));
    assertThat(cadence.shortestTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void slowerFloorOrStreamCheck_raisesTheShortestTimeoutInWholeSeconds() {
    assertThat(
            HeartbeatCadence.of(Duration.ofMillis(2_500), Duration.ofSeconds(1)).shortestTimeout())
        .isEqualTo(Duration.ofSeconds(8));
    assertThat(HeartbeatCadence.of(Duration.ofMillis(500), Duration.ofSeconds(5)).shortestTimeout())
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void longestWait_isAThirdOfTheTimeout() {
    assertThat(HeartbeatCadence.longestWait(Duration.ofSeconds(20)))
        .isEqualTo(Duration.ofNanos(6_666_666_666L));
    assertThat(HeartbeatCadence.longestWait(Duration.ofSeconds(300)))
        .isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void longestWait_truncatesToWholeNanosecondsAsDurationDividedByDoes() {
    for (Duration timeout :
        new Duration[] {
          Duration.ofNanos(1),
          Duration.ofNanos(2_000_000_001L),
          Duration.ofMillis(1_001),
          Duration.ofSeconds(7, 999_999_999),
          Duration.ofHours(24)
        }) {
      assertThat(HeartbeatCadence.longestWait(timeout))
          .as("%s", timeout)
          .isEqualTo(timeout.dividedBy(HeartbeatCadence.POLLS_PER_TIMEOUT));
    }
  }

  @Test
  void check_passesALongEnoughTimeoutAndRefusesAShorterOne() {
    HeartbeatCadence cadence = HeartbeatCadence.of(Duration.ofMillis(500), Duration.ofSeconds(1));
    QueuePolicy three = QueuePolicy.builder().heartbeatTimeout(Duration.ofSeconds(3)).build();
    QueuePolicy two = QueuePolicy.builder().heartbeatTimeout(Duration.ofSeconds(2)).build();

    assertThat(cadence.check(three)).isSameAs(three);
    assertThatThrownBy(() -> cadence.check(two)).isInstanceOf(InvalidPolicy.class);
  }
}
