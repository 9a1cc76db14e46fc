package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventOverview;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribeEventServiceTest {
  private final MutableClock clock = new MutableClock();
  private final EventPolicies stored = mock(EventPolicies.class);
  private final WaitingLine line = mock(WaitingLine.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final DescribeEventService service =
      new DescribeEventService(
          new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1)),
          line,
          ledger,
          metrics,
          clock);

  @Test
  void configuredEvent_showsPolicyStatsRateOldestWaitAndMethods() {
    QueuePolicy policy = QueuePolicy.defaults().withPausedJoins(true);
    EventStats stats =
        new EventStats(5, 20, 10, 3, 2, 4, Optional.of(clock.instant().minusMillis(90_500)));
    Map<PositionMethod, Long> methods = Map.of(PositionMethod.POSITION_INDEX, 7L);
    when(stored.find(EVENT)).thenReturn(Optional.of(policy));
    when(line.stats(EVENT, clock.instant())).thenReturn(stats);
    when(ledger.recentAdmissions(EVENT, clock.instant()))
        .thenReturn(new AdmissionWindows(30, 100, 200));
    when(metrics.positionsByMethod()).thenReturn(methods);

    EventOverview overview = service.describe(EVENT);

    assertThat(overview).isEqualTo(new EventOverview(EVENT, policy, true, stats, 0.5, 90, methods));
  }

  @Test
  void neverConfiguredEmptyEvent_showsDefaultsAndZeroWait() {
    EventStats empty = new EventStats(0, 0, 0, 0, 0, 0, Optional.empty());
    when(stored.find(EVENT)).thenReturn(Optional.empty());
    when(line.stats(EVENT, clock.instant())).thenReturn(empty);
    when(ledger.recentAdmissions(EVENT, clock.instant())).thenReturn(AdmissionWindows.NONE);
    when(metrics.positionsByMethod()).thenReturn(Map.of());

    EventOverview overview = service.describe(EVENT);

    assertThat(overview.configured()).isFalse();
    assertThat(overview.policy()).isEqualTo(QueuePolicy.defaults());
    assertThat(overview.oldestWaitSec()).isZero();
    assertThat(overview.admissionRateLastMinute()).isZero();
  }
}
