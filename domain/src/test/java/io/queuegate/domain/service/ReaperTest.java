package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReaperTest {
  private static final EventId OTHER = new EventId("other");
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static final Duration ALLOWANCE = Duration.ofMinutes(30);
  private static final int BATCH = 10;

  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1));
  private final SilenceRule silence =
      new SilenceRule(
          new HeartbeatCoalescer(line, clock), new StoreOutages(clock), GRACE, ALLOWANCE);
  private final Reaper reaper = new Reaper(line, catalog, metrics, clock, BATCH, silence, 4);

  private void active(EventId... events) {
    when(line.activeEvents()).thenReturn(new LinkedHashSet<>(List.of(events)));
    for (EventId event : events) {
      when(line.stats(eq(event), any())).thenReturn(stats(5));
    }
  }

  private static EventStats stats(long waiting) {
    return new EventStats(waiting, waiting, 0, 0, 0, 0, Optional.empty());
  }

  @Test
  void silentWaiters_areThoseQuietForTimeoutPlusFlushGrace_plusTheThinningWindow() {
    when(stored.find(EVENT))
        .thenReturn(Optional.of(TestWaiters.policy(100, 50, Duration.ofSeconds(60))));
    when(stored.find(OTHER)).thenReturn(Optional.empty());
    active(EVENT, OTHER);
    Instant now = clock.instant();

    reaper.reapOnce();

    verify(line).reap(EVENT, now.minusSeconds(60 + 2 + 6), BATCH, Duration.ofSeconds(60), now);
    verify(line).reap(OTHER, now.minusSeconds(300 + 2 + 30), BATCH, Duration.ofSeconds(300), now);
  }

  @Test
  void fullBatches_areFollowedByAnotherUntilOneComesBackShort() {
    active(EVENT);
    when(line.reap(eq(EVENT), any(), anyInt(), any(), any())).thenReturn(10, 10, 3);

    int removed = reaper.reapOnce();

    assertThat(removed).isEqualTo(23);
    verify(line, times(3)).reap(eq(EVENT), any(), eq(BATCH), any(), any());
    verify(metrics).expired(EVENT, 23);
  }

  @Test
  void endlessFullBatches_stopAfterAHundredPerPass() {
    active(EVENT);
    when(line.reap(eq(EVENT), any(), anyInt(), any(), any())).thenReturn(BATCH);

    int removed = reaper.reapOnce();

    assertThat(removed).isEqualTo(100 * BATCH);
    verify(line, times(100)).reap(eq(EVENT), any(), anyInt(), any(), any());
  }

  @Test
  void nothingExpired_reportsNoExpiryButTheLineLength() {
    active(EVENT);
    when(line.stats(eq(EVENT), any())).thenReturn(stats(42));

    assertThat(reaper.reapOnce()).isZero();

    verify(metrics, never()).expired(any(), anyInt());
    verify(metrics).waiting(EVENT, 42);
  }

  @Test
  void failureInOneEvent_doesNotStopThePass() {
    active(EVENT, OTHER);
    when(line.reap(eq(EVENT), any(), anyInt(), any(), any()))
        .thenThrow(new StoreUnavailableException("slot down", null));
    when(line.reap(eq(OTHER), any(), anyInt(), any(), any())).thenReturn(4);

    int removed = reaper.reapOnce();

    assertThat(removed).isEqualTo(4);
    verify(metrics).expired(OTHER, 4);
  }

  @Test
  void eventWhoseLineEmptied_reportsZeroWaitingOnce() {
    active(EVENT, OTHER);
    reaper.reapOnce();
    when(line.activeEvents()).thenReturn(Set.of(OTHER));

    reaper.reapOnce();
    reaper.reapOnce();

    verify(metrics, times(1)).waiting(EVENT, 0);
  }

  @Test
  void manyEvents_areReapedSeveralAtOnceButNeverMoreThanTheLimit() {
    EventId[] events = new EventId[12];
    for (int i = 0; i < events.length; i++) {
      events[i] = new EventId("e" + i);
    }
    active(events);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch fourAtOnce = new CountDownLatch(4);
    when(line.reap(any(), any(), anyInt(), any(), any()))
        .thenAnswer(
            call -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              fourAtOnce.countDown();
              // A slow store: each call lasts until four are in flight (bounded for a serial pass).
              fourAtOnce.await(5, TimeUnit.SECONDS);
              running.decrementAndGet();
              return 1;
            });

    assertThat(reaper.reapOnce()).isEqualTo(12);

    assertThat(most.get()).isEqualTo(4);
    for (EventId event : events) {
      verify(metrics).expired(event, 1);
    }
  }
}
