package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutageRecordingLineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock();
  private final WaitingLine store = mock(WaitingLine.class);
  private final StoreOutages outages = new StoreOutages(clock);
  private final OutageRecordingLine line = new OutageRecordingLine(store, outages);
  private final WaiterId waiter = WaiterId.random();

  @Test
  void failedCalls_untilAnAnswer_areOneOutage() {
    Instant lastAnswer = clock.instant();
    when(store.locate(any(), any(), any()))
        .thenThrow(new StoreUnavailableException("down", null))
        .thenThrow(new WaiterNotFound());
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> line.locate(EVENT, waiter, clock.instant()))
        .isInstanceOf(StoreUnavailableException.class);
    clock.advance(Duration.ofSeconds(30));

    // "Not found" is the store answering: the outage ends here.
    assertThatThrownBy(() -> line.locate(EVENT, waiter, clock.instant()))
        .isInstanceOf(WaiterNotFound.class);
    clock.advance(Duration.ofSeconds(5));

    assertThat(outages.rewind(clock.instant(), TIMEOUT)).isEqualTo(lastAnswer.minusSeconds(15));
  }

  @Test
  void answeredCalls_areNoOutage() {
    when(store.activeEvents()).thenReturn(Set.of(EVENT));
    clock.advance(Duration.ofSeconds(30));

    assertThat(line.activeEvents()).containsExactly(EVENT);
    line.touch(EVENT, Set.of(waiter), clock.instant());

    assertThat(outages.rewind(clock.instant(), TIMEOUT)).isEqualTo(clock.instant().minus(TIMEOUT));
  }
}
