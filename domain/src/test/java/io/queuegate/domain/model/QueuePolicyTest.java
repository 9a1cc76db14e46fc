package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {

  private static QueuePolicy policy(
      long readyWindow,
      double rate,
      long burst,
      long maxActive,
      long maxWaiting,
      long hbSec,
      long ttlSec) {
    return QueuePolicy.builder()
        .readyWindow(readyWindow)
        .admissionRatePerSec(rate)
        .admissionBurst(burst)
        .maxActive(maxActive)
        .maxWaiting(maxWaiting)
        .heartbeatTimeout(Duration.ofSeconds(hbSec))
        .admissionTtl(Duration.ofSeconds(ttlSec))
        .build();
  }

  @Test
  void defaults_matchTheSpecification() {
    QueuePolicy defaults = QueuePolicy.defaults();

    assertThat(defaults.readyWindow()).isEqualTo(100);
    assertThat(defaults.admissionRatePerSec()).isEqualTo(50);
    assertThat(defaults.admissionBurst()).isEqualTo(500);
    assertThat(defaults.maxActive()).isEqualTo(QueuePolicy.UNLIMITED);
    assertThat(defaults.maxWaiting()).isEqualTo(QueuePolicy.UNLIMITED);
    assertThat(defaults.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(defaults.admissionTtl()).isEqualTo(Duration.ofSeconds(300));
    assertThat(defaults.pausedJoins()).isFalse();
    assertThat(defaults.pausedAdmission()).isFalse();
    assertThat(defaults.requireEnqueueToken()).isFalse();
  }

  @Test
  void admissionLimiter_usesRateAndBurst() {
    assertThat(policy(1, 2.5, 7, 0, 0, 1, 1).admissionLimiter()).isEqualTo(new Gcra(2.5, 7));
  }

  @Test
  void pauseFlags_changeOneFieldEach() {
    QueuePolicy defaults = QueuePolicy.defaults();

    QueuePolicy joinsPaused = defaults.toBuilder().pausedJoins(true).build();
    QueuePolicy admissionPaused = defaults.toBuilder().pausedAdmission(true).build();

    assertThat(joinsPaused.pausedJoins()).isTrue();
    assertThat(joinsPaused.pausedAdmission()).isFalse();
    assertThat(admissionPaused.pausedAdmission()).isTrue();
    assertThat(admissionPaused.pausedJoins()).isFalse();
    assertThat(joinsPaused.toBuilder().pausedJoins(false).build()).isEqualTo(defaults);
  }

  @Test
  void limitsAtTheirEdges_areAccepted() {
    assertThat(policy(1, 0.001, 1, 0, 0, 1, 1).readyWindow()).isEqualTo(1);
    assertThat(policy(1_000_000, 1_000_000, 1_000_000, 5, 5, 86_400, 86_400).maxActive())
        .isEqualTo(5);
  }

  @Test
  void valuesOutOfRange_areInvalidPolicy() {
    assertInvalid(() -> policy(0, 1, 1, 0, 0, 1, 1), PolicyField.READY_WINDOW);
    assertInvalid(() -> policy(1_000_001, 1, 1, 0, 0, 1, 1), PolicyField.READY_WINDOW);
    assertInvalid(() -> policy(1, 0, 1, 0, 0, 1, 1), PolicyField.ADMISSION_RATE);
    assertInvalid(() -> policy(1, Double.NaN, 1, 0, 0, 1, 1), PolicyField.ADMISSION_RATE);
    assertInvalid(() -> policy(1, 1_000_001, 1, 0, 0, 1, 1), PolicyField.ADMISSION_RATE);
    assertInvalid(() -> policy(1, 1, 0, 0, 0, 1, 1), PolicyField.ADMISSION_BURST);
    assertInvalid(() -> policy(1, 1, 1, -1, 0, 1, 1), PolicyField.MAX_ACTIVE);
    assertInvalid(() -> policy(1, 1, 1, 0, -1, 1, 1), PolicyField.MAX_WAITING);
    assertInvalid(() -> policy(1, 1, 1, 0, 0, 0, 1), PolicyField.HEARTBEAT_TIMEOUT);
    assertInvalid(() -> policy(1, 1, 1, 0, 0, 86_401, 1), PolicyField.HEARTBEAT_TIMEOUT);
    assertInvalid(() -> policy(1, 1, 1, 0, 0, 1, 0), PolicyField.ADMISSION_TTL);
    assertInvalid(() -> policy(1, 1, 1, 0, 0, 1, 86_401), PolicyField.ADMISSION_TTL);
  }

  @Test
  void burstTooLargeForATinyRate_isInvalidPolicy_ratherThanAnOverflowingLimiter() {
    assertInvalid(() -> policy(1, 0.000001, 1_000_000, 0, 0, 1, 1), PolicyField.ADMISSION_BURST);
    assertInvalid(() -> policy(1, 0.1, 1_000_000, 0, 0, 1, 1), PolicyField.ADMISSION_BURST);
    // Too slow for even a burst of one: the rate is what is wrong.
    assertInvalid(() -> policy(1, 1e-300, 1, 0, 0, 1, 1), PolicyField.ADMISSION_RATE);
    assertThat(policy(1, 0.12, 1_000_000, 0, 0, 1, 1).admissionLimiter().toleranceNanos())
        .isPositive();
  }

  private static void assertInvalid(ThrowingCallable build, PolicyField field) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
