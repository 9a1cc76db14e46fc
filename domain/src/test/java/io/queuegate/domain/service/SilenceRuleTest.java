package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SilenceRuleTest {
  // Short enough not to be thinned (HeartbeatThinning): the thinning window is tested on its own.
  private static final Duration TIMEOUT = Duration.ofSeconds(19);
  private static final Duration GRACE = Duration.ofSeconds(1);
  private static final Duration ALLOWANCE = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(line, clock);
  private final StoreOutages outages = new StoreOutages(clock);
  private final SilenceRule rule = new SilenceRule(heartbeats, outages, GRACE, ALLOWANCE);

  @Test
  void allFlushedAndNoOutage_silentAfterTimeoutPlusGrace() {
    clock.advance(Duration.ofMinutes(1));
    Instant now = clock.instant();

    assertThat(rule.silentSince(TIMEOUT, now)).isEqualTo(now.minusSeconds(20));
  }

  @Test
  void flushFailingForAMinute_silenceCountsFromTheLastCleanFlush() {
    Instant lastClean = clock.instant();
    doThrow(new StoreUnavailableException("down", null)).when(line).touch(any(), any(), any());
    heartbeats.record(EVENT, WaiterId.random());
    clock.advance(Duration.ofMinutes(1));
    heartbeats.flush();

    assertThat(rule.silentSince(TIMEOUT, clock.instant())).isEqualTo(lastClean.minusSeconds(20));
  }

  @Test
  void storeOutage_isNotCountedAsSilence() {
    clock.advance(Duration.ofMinutes(1));
    outages.answered();
    Instant outageStart = clock.instant();
    outages.failed();
    clock.advance(Duration.ofSeconds(40));
    outages.answered();
    clock.advance(Duration.ofSeconds(3));

    // 3 s since the store came back, 16 s before the outage, then the grace.
    assertThat(rule.silentSince(TIMEOUT, clock.instant()))
        .isEqualTo(outageStart.minusSeconds(16 + 1));
  }

  @Test
  void outageLongerThanTheAllowance_putsReapingOffByTheAllowanceOnly() {
    outages.answered();
    outages.failed();
    clock.advance(Duration.ofHours(2));
    outages.answered();
    Instant now = clock.instant();

    assertThat(rule.silentSince(TIMEOUT, now))
        .isEqualTo(now.minus(TIMEOUT).minus(GRACE).minus(ALLOWANCE));
  }

  @Test
  void aThinnedTimeout_allowsItsThinningWindowMore() {
    clock.advance(Duration.ofHours(1));
    Instant now = clock.instant();

    // 300 s: heartbeats are sent once per 30 s window, so a stored one may be a window old.
    assertThat(rule.silentSince(Duration.ofSeconds(300), now))
        .isEqualTo(now.minusSeconds(300 + 1 + 30));
  }
}
