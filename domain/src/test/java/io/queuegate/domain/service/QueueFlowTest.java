package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SignedAdmission;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Positions as waiters see them through the services while others leave, enter or expire. */
class QueueFlowTest {
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FLUSH_GRACE = Duration.ofSeconds(2);

  private final MutableClock clock = new MutableClock();
  private final FakeQueueStore store = new FakeQueueStore();
  private final EventPolicies stored = mock(EventPolicies.class);
  private final AdmissionTokenSigner signer = mock(AdmissionTokenSigner.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(
          stored, TestWaiters.policy(100, 50, HEARTBEAT_TIMEOUT), clock, Duration.ofSeconds(1));
  private final EtaEstimator eta = new EtaEstimator(store, clock);
  private final PollingHint hint = new PollingHint(FixedRandom.NO_JITTER);
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(store, clock);
  private final JoinQueueService join =
      Services.join(
          store, catalog, mock(EnqueueTokenVerifier.class), eta, hint, QueueMetrics.NONE, clock);
  private final QueueStatusService status =
      Services.status(store, catalog, eta, hint, heartbeats, QueueMetrics.NONE, clock);
  private final EnterQueueService enter =
      Services.enter(store, catalog, signer, heartbeats, QueueMetrics.NONE, clock);
  private final LeaveQueueService leave =
      new LeaveQueueService(store, heartbeats, QueueMetrics.NONE, clock);
  private final Reaper reaper =
      new Reaper(
          store,
          catalog,
          QueueMetrics.NONE,
          clock,
          10,
          new SilenceRule(heartbeats, new StoreOutages(clock), FLUSH_GRACE, Duration.ofMinutes(30)),
          1);

  private String first;
  private String second;
  private String third;

  @BeforeEach
  void threeWaitersJoin() {
    when(stored.find(any())).thenReturn(Optional.empty());
    when(signer.sign(any()))
        .thenAnswer(call -> new SignedAdmission("jwt", call.<AdmissionClaims>getArgument(0)));
    first = joinOne();
    second = joinOne();
    third = joinOne();
  }

  private String joinOne() {
    return join.join(new JoinCommand(EVENT, Optional.empty(), Optional.empty())).token().encode();
  }

  private long positionOf(String token) {
    return status.status(token).position();
  }

  @Test
  void joinOrder_givesPositionsOneTwoThree() {
    assertThat(positionOf(first)).isEqualTo(1);
    assertThat(positionOf(second)).isEqualTo(2);
    assertThat(positionOf(third)).isEqualTo(3);
  }

  @Test
  void someoneAheadLeaves_everyoneBehindMovesUpByOne() {
    leave.leave(second);

    assertThat(positionOf(first)).isEqualTo(1);
    assertThat(positionOf(third)).isEqualTo(2);
    assertThatThrownBy(() -> positionOf(second)).isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void headEnters_everyoneBehindMovesUpByOne() {
    enter.enter(first);

    assertThat(positionOf(second)).isEqualTo(1);
    assertThat(positionOf(third)).isEqualTo(2);
    assertThatThrownBy(() -> positionOf(first)).isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void silentWaiterExpires_everyoneBehindMovesUpAndItHearsExpired() {
    clock.advance(Duration.ofSeconds(6));
    positionOf(first);
    positionOf(third);
    heartbeats.flush();
    // Twelve seconds after joining: the second waiter has been silent for timeout plus grace.
    clock.advance(Duration.ofSeconds(6).plusMillis(1));

    assertThat(reaper.reapOnce()).isEqualTo(1);

    assertThat(positionOf(first)).isEqualTo(1);
    assertThat(positionOf(third)).isEqualTo(2);
    assertThatThrownBy(() -> positionOf(second)).isInstanceOf(WaiterExpired.class);
  }

  @Test
  void heartbeatNotYetFlushed_isCoveredByTheFlushGrace() {
    clock.advance(HEARTBEAT_TIMEOUT.minusSeconds(1));
    positionOf(second);
    clock.advance(Duration.ofSeconds(2).plusMillis(1));

    // 11 s of silence in the store, but within timeout plus grace: the pending heartbeat is safe.
    assertThat(reaper.reapOnce()).isZero();
    heartbeats.flush();
    clock.advance(HEARTBEAT_TIMEOUT);
    assertThat(reaper.reapOnce()).isEqualTo(2);
    assertThat(positionOf(second)).isEqualTo(1);
  }

  @Test
  void etaShrinksAsTheLineMoves() {
    QueuePolicy slow = TestWaiters.policy(100, 0.5, HEARTBEAT_TIMEOUT);
    when(stored.find(EVENT)).thenReturn(Optional.of(slow));
    clock.advance(Duration.ofSeconds(1));
    long before = status.status(third).etaSec();

    leave.leave(first);

    // Three places, all within the ready window, at 0.5/s: the median draw ln 2 * 3 / 0.5 = 4.2 s,
    // so 5 s; then two places: 2.8 s, so 3 s.
    assertThat(before).isEqualTo(5);
    assertThat(status.status(third).etaSec()).isEqualTo(3);
  }
}
