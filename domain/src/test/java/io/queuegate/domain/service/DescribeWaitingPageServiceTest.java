package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribeWaitingPageServiceTest {
  private final EventPolicies stored = mock(EventPolicies.class);
  private final DescribeWaitingPageService service =
      new DescribeWaitingPageService(
          new PolicyCatalog(
              stored, QueuePolicy.defaults(), new MutableClock(), Duration.ofSeconds(1)));

  @Test
  void configuredEvent_showsItsTitleAndTarget() {
    WaitingPage page = WaitingPage.of("https://shop.example/", "Concert", TargetDelivery.FORM);
    when(stored.find(EVENT))
        .thenReturn(Optional.of(QueuePolicy.defaults().toBuilder().page(page).build()));

    assertThat(service.page(EVENT)).isEqualTo(page);
  }

  @Test
  void neverConfiguredEvent_hasNoPageSettings() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    assertThat(service.page(EVENT)).isEqualTo(WaitingPage.NONE);
  }
}
