package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.port.out.StoreHealth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadinessServiceTest {
  private static final Duration BUDGET = Duration.ofSeconds(1);

  private final StoreHealth health = mock(StoreHealth.class);
  private final ReadinessService readiness = new ReadinessService(health, BUDGET);

  @Test
  void storeAnsweringWithinBudget_isReady() {
    when(health.answers(BUDGET)).thenReturn(true);

    assertThat(readiness.ready()).isTrue();
  }

  @Test
  void storeNotAnswering_isNotReady() {
    when(health.answers(BUDGET)).thenReturn(false);

    assertThat(readiness.ready()).isFalse();
  }

  @Test
  void healthCheckThatThrows_isNotReady() {
    when(health.answers(BUDGET)).thenThrow(new IllegalStateException("connection reset"));

    assertThat(readiness.ready()).isFalse();
  }
}
