package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StreamPace;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribeStreamPaceServiceTest {
  private final EventPolicies stored = mock(EventPolicies.class);
  private final DescribeStreamPaceService service =
      new DescribeStreamPaceService(
          new PolicyCatalog(
              stored, QueuePolicy.defaults(), new MutableClock(), Duration.ofSeconds(1)));

  @Test
  void configuredEvent_givesItsWindowAndAThirdOfItsHeartbeatTimeout() {
    when(stored.find(EVENT))
        .thenReturn(
            Optional.of(
                QueuePolicy.defaults().toBuilder()
                    .readyWindow(250)
                    .heartbeatTimeout(Duration.ofSeconds(90))
                    .build()));

    assertThat(service.pace(EVENT)).isEqualTo(new StreamPace(250, Duration.ofSeconds(30)));
  }

  @Test
  void neverConfiguredEvent_usesTheDefaults() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    QueuePolicy defaults = QueuePolicy.defaults();
    assertThat(service.pace(EVENT).readyWindow()).isEqualTo(defaults.readyWindow());
    assertThat(service.pace(EVENT).longestWait())
        .isEqualTo(defaults.heartbeatTimeout().dividedBy(3));
  }
}
