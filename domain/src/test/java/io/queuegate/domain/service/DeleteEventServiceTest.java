package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeleteEventServiceTest {
  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1));
  private final DeleteEventService service = new DeleteEventService(line, stored, catalog);

  @Test
  void delete_removesLineAndPolicyAndTheCachedPolicy() {
    when(stored.find(EVENT))
        .thenReturn(Optional.of(QueuePolicy.defaults().toBuilder().pausedJoins(true).build()));
    catalog.policyFor(EVENT);
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    service.delete(EVENT);

    verify(line).deleteEvent(EVENT);
    verify(stored).delete(EVENT);
    assertThat(catalog.policyFor(EVENT)).isEqualTo(QueuePolicy.defaults());
  }
}
