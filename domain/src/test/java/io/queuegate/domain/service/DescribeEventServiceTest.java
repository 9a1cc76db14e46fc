package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventOverview;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribeEventServiceTest {
  private final MutableClock clock = new MutableClock();
  private final EventPolicies stored = mock(EventPolicies.class);
  private final WaitingLine line = mock(WaitingLine.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final DescribeEventService service =
      new DescribeEventService(
          new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1)),
          line,
          ledger,
          clock);

  @Test
  void configuredEvent_showsPolicyStatsRateAndOldestWait() {
    QueuePolicy policy = QueuePolicy.defaults().toBuilder().pausedJoins(true).build();
    EventStats stats =
        new EventStats(5, 20, 10, 3, 2, 4, Optional.of(clock.instant().minusMillis(90_500)));
    when(stored.find(EVENT)).thenReturn(Optional.of(policy));
    when(line.stats(EVENT, clock.instant())).thenReturn(stats);
    when(ledger.recentAdmissions(EVENT, clock.instant()))
        .thenReturn(new AdmissionWindows(30, 100, 200));

    EventOverview overview = service.describe(EVENT);

    assertThat(overview).isEqualTo(new EventOverview(EVENT, policy, true, stats, 0.5, 90));
  }

  @Test
  void neverConfiguredEmptyEvent_showsDefaultsAndZeroWait() {
    EventStats empty = new EventStats(0, 0, 0, 0, 0, 0, Optional.empty());
    when(stored.find(EVENT)).thenReturn(Optional.empty());
    when(line.stats(EVENT, clock.instant())).thenReturn(empty);
    when(ledger.recentAdmissions(EVENT, clock.instant())).thenReturn(AdmissionWindows.NONE);

    EventOverview overview = service.describe(EVENT);

    assertThat(overview.configured()).isFalse();
    assertThat(overview.policy()).isEqualTo(QueuePolicy.defaults());
    assertThat(overview.oldestWaitSec()).isZero();
    assertThat(overview.admissionRateLastMinute()).isZero();
  }
}
