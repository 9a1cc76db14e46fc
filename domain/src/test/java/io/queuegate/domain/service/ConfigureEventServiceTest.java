package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigureEventServiceTest {
  private static final QueuePolicy DEFAULTS = QueuePolicy.defaults();

  private final MutableClock clock = new MutableClock();
  private final EventPolicies stored = mock(EventPolicies.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(stored, DEFAULTS, clock, Duration.ofSeconds(1));
  private final ConfigureEventService configure = new ConfigureEventService(stored, catalog);
  private final PauseEventService pause = new PauseEventService(configure);

  private static QueuePolicy withReadyWindow(QueuePolicy p, long readyWindow) {
    return new QueuePolicy(
        readyWindow,
        p.admissionRatePerSec(),
        p.admissionBurst(),
        p.maxActive(),
        p.maxWaiting(),
        p.heartbeatTimeout(),
        p.admissionTtl(),
        p.pausedJoins(),
        p.pausedAdmission(),
        p.requireEnqueueToken());
  }

  @Test
  void firstChange_appliesToTheDefaultsAndIsSaved() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    QueuePolicy result = configure.configure(EVENT, p -> withReadyWindow(p, 10));

    assertThat(result).isEqualTo(withReadyWindow(DEFAULTS, 10));
    verify(stored).save(EVENT, result);
  }

  @Test
  void laterChange_appliesToTheStoredPolicy() {
    QueuePolicy current = withReadyWindow(DEFAULTS, 10).withPausedJoins(true);
    when(stored.find(EVENT)).thenReturn(Optional.of(current));

    QueuePolicy result = configure.configure(EVENT, p -> p.withPausedAdmission(true));

    assertThat(result).isEqualTo(current.withPausedAdmission(true));
  }

  @Test
  void change_isSeenAtOnceByThisInstancesCache() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());
    assertThat(catalog.policyFor(EVENT)).isEqualTo(DEFAULTS);

    QueuePolicy result = configure.configure(EVENT, p -> withReadyWindow(p, 10));
    when(stored.find(EVENT)).thenReturn(Optional.of(result));

    assertThat(catalog.policyFor(EVENT)).isEqualTo(result);
  }

  @Test
  void invalidChange_isRefusedAndNothingIsSaved() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> configure.configure(EVENT, p -> withReadyWindow(p, 0)))
        .isInstanceOf(InvalidPolicy.class)
        .hasMessageContaining("ready_window");
    verify(stored, never()).save(any(), any());
  }

  @Test
  void pause_stopsJoinsAndAdmissionTogether() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    QueuePolicy paused = pause.setPaused(EVENT, true);

    assertThat(paused.pausedJoins()).isTrue();
    assertThat(paused.pausedAdmission()).isTrue();
    verify(stored).save(EVENT, paused);
  }

  @Test
  void resume_clearsBothPauses() {
    when(stored.find(EVENT))
        .thenReturn(Optional.of(DEFAULTS.withPausedJoins(true).withPausedAdmission(true)));

    assertThat(pause.setPaused(EVENT, false)).isEqualTo(DEFAULTS);
  }
}
