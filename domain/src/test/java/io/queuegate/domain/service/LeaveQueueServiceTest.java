package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LeaveQueueServiceTest {
  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(line, clock);
  private final LeaveQueueService service = new LeaveQueueService(line, heartbeats, metrics, clock);
  private final WaitingToken token = new WaitingToken(EVENT, WaiterId.random());

  @Test
  void waiterInLine_leavesAndIsCounted() {
    when(line.leave(EVENT, token.waiterId(), clock.instant())).thenReturn(true);

    assertThat(service.leave(token.encode())).isTrue();

    verify(line).leave(EVENT, token.waiterId(), clock.instant());
    verify(metrics).left(EVENT);
  }

  @Test
  void secondLeave_isQuietAndNotCountedAgain() {
    when(line.leave(EVENT, token.waiterId(), clock.instant())).thenReturn(true, false);

    service.leave(token.encode());
    boolean second = service.leave(token.encode());

    assertThat(second).as("a second leave finds no place").isFalse();
    verify(metrics, times(1)).left(EVENT);
  }

  @Test
  void leave_dropsThePendingHeartbeat() {
    heartbeats.record(EVENT, token.waiterId());

    service.leave(token.encode());
    heartbeats.flush();

    verify(line, never()).touch(any(), any(), any());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"garbage", "a:b~AbCdEfGhIjKlMnOpQrSt_-", "concert~tooShort"})
  void malformedToken_isAcceptedWithoutTouchingTheStore(String raw) {
    assertThat(service.leave(raw)).isFalse();
    verifyNoInteractions(line, metrics);
  }
}
