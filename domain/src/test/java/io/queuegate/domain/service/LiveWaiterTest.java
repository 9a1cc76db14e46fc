package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waiters who keep polling at their hint are never reaped: not while a heartbeat flush is late, and
 * not after a store outage longer than the heartbeat timeout. Virtual time, one step per second.
 */
class LiveWaiterTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Duration FLUSH = Duration.ofSeconds(1);
  private static final Duration ALLOWANCE = Duration.ofMinutes(30);

  private final MutableClock clock = new MutableClock();
  private final FakeQueueStore store = new FakeQueueStore();
  private final FlakyLine flaky = new FlakyLine(store);
  private final StoreOutages outages = new StoreOutages(clock);
  private final OutageRecordingLine line = new OutageRecordingLine(flaky, outages);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(stored, TestWaiters.policy(1, 0.01, TIMEOUT), clock, Duration.ofSeconds(1));
  private final EtaEstimator eta = new EtaEstimator(store, clock);
  private final PollingHint hint = new PollingHint(FixedRandom.NO_JITTER);
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(line, clock);
  private final JoinQueueService join =
      Services.join(
          line, catalog, mock(EnqueueTokenVerifier.class), eta, hint, QueueMetrics.NONE, clock);
  private final QueueStatusService status =
      Services.status(line, catalog, eta, hint, heartbeats, QueueMetrics.NONE, clock);
  private final Reaper reaper =
      new Reaper(
          line,
          catalog,
          QueueMetrics.NONE,
          clock,
          100,
          new SilenceRule(heartbeats, outages, FLUSH, ALLOWANCE),
          1);

  /** A client that polls when its last answer told it to, and after a second when it failed. */
  private final class Client {
    final String token;
    long nextPollAtMs;
    boolean polling = true;
    long lastPosition;

    Client(String token, long pollAfterMs) {
      this.token = token;
      this.nextPollAtMs = nowMs() + pollAfterMs;
    }

    void step() {
      if (!polling || nowMs() < nextPollAtMs) {
        return;
      }
      try {
        var answer = status.status(token);
        lastPosition = answer.position();
        nextPollAtMs = nowMs() + answer.pollAfterMs();
      } catch (StoreUnavailableException e) {
        nextPollAtMs = nowMs() + 1_000; // 503 with Retry-After: 1
      }
    }
  }

  private final List<Client> clients = new ArrayList<>();
  private long reaped;
  private boolean flushHeldBack;

  @BeforeEach
  void fiveWaitersJoin() {
    when(stored.find(any())).thenReturn(Optional.empty());
    for (int i = 0; i < 5; i++) {
      var receipt = join.join(new JoinCommand(EVENT, Optional.empty(), Optional.empty()));
      clients.add(new Client(receipt.token().encode(), receipt.pollAfterMs()));
    }
  }

  private long nowMs() {
    return clock.millis();
  }

  /**
   * Lets {@code seconds} pass: clients poll when due, the flush runs every second unless it is held
   * back, and the reaper runs every {@code reapEvery} seconds.
   */
  private void run(long seconds, long reapEvery) {
    for (long s = 1; s <= seconds; s++) {
      clock.advance(Duration.ofSeconds(1));
      clients.forEach(Client::step);
      if (!flushHeldBack) {
        heartbeats.flush();
      }
      if (s % reapEvery == 0) {
        reapOnce();
      }
    }
  }

  private void reapOnce() {
    try {
      reaped += reaper.reapOnce();
    } catch (StoreUnavailableException e) {
      // the event registry could not be read: the pass is skipped
    }
  }

  private List<Long> positions() {
    return clients.stream().map(c -> status.status(c.token).position()).toList();
  }

  @Test
  void hint_asksForAPollWithinAThirdOfTheTimeout() {
    run(2, 1);

    assertThat(status.status(clients.getLast().token).pollAfterMs())
        .isEqualTo(TIMEOUT.toMillis() / 3);
  }

  @Test
  void flushHeldBackLongerThanTheTimeout_waitersWhoPolledAreNotReaped() {
    run(10, 5);
    // As when a long reaper pass kept the flush from running: polls land in memory only.
    flushHeldBack = true;

    run(60, 5);

    assertThat(reaped).isZero();
    flushHeldBack = false;
    run(10, 5);
    assertThat(reaped).isZero();
    assertThat(positions()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void flushFailingLongerThanTheTimeout_waitersWhoPolledAreNotReaped() {
    run(10, 5);
    flaky.touchesFail(true);

    run(60, 5);

    assertThat(reaped).isZero();
    flaky.touchesFail(false);
    run(10, 5);
    assertThat(reaped).isZero();
    assertThat(positions()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void storeOutageOfTwiceTheTimeout_waitersWhoKeptTryingKeepTheirPlacesInOrder() {
    run(10, 5);
    flaky.down(true);
    run(2 * TIMEOUT.toSeconds(), 5);

    flaky.down(false);
    // The first thing to reach the store again is the reaper, before any waiter's next poll.
    reapOnce();
    run(15, 5);

    assertThat(reaped).isZero();
    assertThat(positions()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void afterAnOutage_aWaiterWhoNeverCameBackIsReapedOnceTheTimeoutOfReachableTimeHasPassed() {
    run(10, 5);
    flaky.down(true);
    run(2 * TIMEOUT.toSeconds(), 5);
    Client gone = clients.get(1);
    gone.polling = false;
    flaky.down(false);

    run(TIMEOUT.toSeconds() - 5, 1);
    assertThat(reaped).isZero();
    run(10, 1);

    assertThat(reaped).isEqualTo(1);
    assertThatThrownBy(() -> status.status(gone.token)).isInstanceOf(WaiterExpired.class);
    clients.remove(gone);
    assertThat(positions()).containsExactly(1L, 2L, 3L, 4L);
  }
}
