package io.queuegate.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.GateOutcome;
import io.queuegate.domain.model.RoomId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrometerGateMetricsTest {
  private final PrometheusMetrics metrics = new PrometheusMetrics();

  @Test
  void decisions_areCountedByRoomAndOutcome_unmatchedUnderNone() {
    metrics.gate().decided(Optional.of(new RoomId("shop")), GateOutcome.ADMIT);
    metrics.gate().decided(Optional.of(new RoomId("shop")), GateOutcome.ADMIT);
    metrics.gate().decided(Optional.empty(), GateOutcome.UNMATCHED);

    assertThat(metrics.scrape())
        .contains("queue_gate_decisions_total{outcome=\"admit\",room=\"shop\"} 2.0")
        .contains("queue_gate_decisions_total{outcome=\"unmatched\",room=\"_none\"} 1.0");
  }

  @Test
  void activeSessions_showTheLastCount_untilTheRoomIsForgotten() {
    metrics.gate().activeSessions(new RoomId("shop"), 7);
    metrics.gate().activeSessions(new RoomId("shop"), 5);
    assertThat(metrics.scrape()).contains("queue_gate_active_sessions{room=\"shop\"} 5.0");

    metrics.gate().forget(new RoomId("shop"));

    assertThat(metrics.scrape()).doesNotContain("queue_gate_active_sessions{room=\"shop\"}");
  }
}
