package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredEventPoliciesTest {
  private static final EventId EVENT = new EventId("concert");

  private final EventPolicies store = mock(EventPolicies.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final MeteredEventPolicies policies = new MeteredEventPolicies(store, metrics);

  @Test
  void readingAStoredPolicy_reportsTheEventConfigured() {
    when(store.find(EVENT)).thenReturn(Optional.of(QueuePolicy.defaults()));

    assertThat(policies.find(EVENT)).contains(QueuePolicy.defaults());

    verify(metrics).configured(EVENT, true);
  }

  @Test
  void readingNoPolicy_reportsTheEventNotConfigured() {
    when(store.find(EVENT)).thenReturn(Optional.empty());

    assertThat(policies.find(EVENT)).isEmpty();

    verify(metrics).configured(EVENT, false);
  }

  @Test
  void saveAndDelete_reachTheStoreAndAreReported() {
    policies.save(EVENT, QueuePolicy.defaults());
    policies.delete(EVENT);

    verify(store).save(EVENT, QueuePolicy.defaults());
    verify(store).delete(EVENT);
    verify(metrics).configured(EVENT, true);
    verify(metrics).configured(EVENT, false);
  }

  @Test
  void update_isTheStoresAtomicUpdateAndIsReported() {
    QueuePolicy paused = QueuePolicy.builder().pausedJoins(true).build();
    when(store.update(eq(EVENT), eq(QueuePolicy.defaults()), any())).thenReturn(paused);

    assertThat(policies.update(EVENT, QueuePolicy.defaults(), p -> paused)).isEqualTo(paused);

    verify(store).update(eq(EVENT), eq(QueuePolicy.defaults()), any());
    verify(store, never()).save(any(), any());
    verify(metrics).configured(EVENT, true);
  }
}
