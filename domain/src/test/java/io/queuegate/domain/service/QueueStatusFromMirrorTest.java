package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.mirror.LineChange.Joined;
import io.queuegate.domain.mirror.LineChange.JoinedPreQueue;
import io.queuegate.domain.mirror.LineChange.Left;
import io.queuegate.domain.mirror.LineChange.Restarted;
import io.queuegate.domain.mirror.MirrorListener;
import io.queuegate.domain.mirror.Place;
import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.PositionSource;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueStatusFromMirrorTest {
  private final MutableClock clock = new MutableClock();
  private final WaitingLine line = mock(WaitingLine.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final FakeLineFeed feed = new FakeLineFeed(clock);
  private final LineMirrors mirrors =
      new LineMirrors(
          feed,
          MirrorListener.NONE,
          metrics,
          clock,
          withMinRateZero(),
          (eventId, loop) -> {},
          pause -> {});
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(line, clock);
  private final QueueStatusService service =
      new QueueStatusService(
          line,
          new PolicyCatalog(
              mock(EventPolicies.class), QueuePolicy.defaults(), clock, Duration.ofSeconds(1)),
          new EtaEstimator(ledger, clock),
          new PollingHint(FixedRandom.NO_JITTER),
          heartbeats,
          metrics,
          clock,
          Optional.empty(),
          Optional.of(new MirrorPositions(mirrors, TestWaiters.STAMPS)));

  // Sequence 7 joined 90 s ago, behind two in the pre-queue and sequences 3 and 5.
  private final Waiter waiter = TestWaiters.waiter(EVENT, 7, Optional.empty(), clock.instant());

  private static MirrorSettings withMinRateZero() {
    MirrorSettings d = MirrorSettings.defaults();
    return new MirrorSettings(
        true,
        0,
        d.maxEvents(),
        d.idlePause(),
        d.quietPause(),
        d.staleness(),
        d.pageSize(),
        d.readBatch(),
        d.dropAfter(),
        d.maxBackoff());
  }

  @BeforeEach
  void aLineAndItsMirror() {
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    feed.append(new Restarted(clock.millis()), new JoinedPreQueue(1), new JoinedPreQueue(2));
    feed.append(new Joined(3), new Joined(5), new Joined(7), new Joined(8));
    clock.advance(Duration.ofSeconds(90));
  }

  private String sealed() {
    return waiter
        .token()
        .encode(TestWaiters.STAMPS.stamp(waiter.token(), 60, SealedPlace.of(waiter)));
  }

  private void mirrorCaughtUp() {
    service.status(sealed());
    mirrors.step(mirrors.follower(EVENT).orElseThrow());
  }

  @Test
  void aSealedPlace_withAFreshMirror_isAnsweredFromTheMirror_withoutTheStore() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 99, TestWaiters.INDEX));
    mirrorCaughtUp();

    WaiterStatus status = service.status(sealed());

    assertThat(status.position()).isEqualTo(2 + 2 + 1);
    assertThat(status.waitingTimeSec()).isEqualTo(90);
    assertThat(status.source().text()).isEqualTo("mirror; version=" + feed.head(EVENT).version());
    verify(metrics).positionComputed(MirrorPositions.MIRROR);
    // Only the first call, before the mirror was built, asked the store.
    verify(line).locate(any(), any(), any());
  }

  @Test
  void tokensWithoutASealedPlace_neverStartAMirror_evenForEventsNobodyHeardOf() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 99, TestWaiters.INDEX));

    service.status(waiter.token().encode());
    service.status(waiter.token().encode(TestWaiters.STAMPS.stamp(waiter.token(), 60)));

    assertThat(mirrors.follower(EVENT)).isEmpty();
    service.status(sealed());
    assertThat(mirrors.follower(EVENT)).isPresent();
  }

  @Test
  void aWaiterTheMirrorNoLongerHolds_getsTheStoresAnswer() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 99, TestWaiters.INDEX))
        .thenThrow(new WaiterExpired());
    mirrorCaughtUp();
    feed.append(new Left(Place.line(7)));
    mirrors.step(mirrors.follower(EVENT).orElseThrow());

    assertThatThrownBy(() -> service.status(sealed())).isInstanceOf(WaiterExpired.class);
    verify(metrics, never()).positionComputed(MirrorPositions.MIRROR);
  }

  @Test
  void aTokenWithoutASealedPlace_orAStaleMirror_goesToTheStore() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 42, TestWaiters.INDEX));
    mirrorCaughtUp();

    String etaOnly = waiter.token().encode(TestWaiters.STAMPS.stamp(waiter.token(), 60));
    assertThat(service.status(etaOnly).position()).isEqualTo(42);
    assertThat(service.status(waiter.token().encode()).position()).isEqualTo(42);
    clock.advance(Duration.ofMillis(1_001));
    WaiterStatus stale = service.status(sealed());
    assertThat(stale.position()).isEqualTo(42);
    assertThat(stale.source()).isEqualTo(PositionSource.store(TestWaiters.INDEX));
    verify(metrics, never()).positionComputed(MirrorPositions.MIRROR);
  }

  @Test
  void aForgedPlace_isNotBelieved() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 42, TestWaiters.INDEX));
    mirrorCaughtUp();
    String forged =
        waiter
            .token()
            .encode(
                new FakeEtaStamps("a guess")
                    .stamp(waiter.token(), 60, new SealedPlace(3, waiter.joinedAt())));

    assertThat(service.status(forged).position()).isEqualTo(42);
  }

  @Test
  void aWaiterOfAnEarlierRun_whoseSequenceANewWaiterHolds_getsTheStoresAnswer() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 99, TestWaiters.INDEX))
        .thenThrow(new WaiterNotFound());
    mirrorCaughtUp();
    // Everyone leaves; the line begins again and a new waiter takes sequence 7 once more.
    feed.append(
        new Left(Place.preQueue(1)),
        new Left(Place.preQueue(2)),
        new Left(Place.line(3)),
        new Left(Place.line(5)),
        new Left(Place.line(7)),
        new Left(Place.line(8)));
    clock.advance(Duration.ofSeconds(5));
    feed.append(new Restarted(clock.millis()), new Joined(7));
    mirrors.step(mirrors.follower(EVENT).orElseThrow());

    assertThatThrownBy(() -> service.status(sealed())).isInstanceOf(WaiterNotFound.class);
    verify(metrics, never()).positionComputed(MirrorPositions.MIRROR);
  }

  @Test
  void aWaiterWhoJoinedAMillisecondBeforeTheRestart_goesToTheStore() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 42, TestWaiters.INDEX));
    // The sealed join time is 90 s back; the line began again 1 ms after it: the waiter joined in
    // the run before.
    feed.append(new Restarted(clock.millis() - 90_000 + 1));
    mirrorCaughtUp();

    assertThat(service.status(sealed()).position()).isEqualTo(42);
    verify(metrics, never()).positionComputed(MirrorPositions.MIRROR);
  }

  @Test
  void aLineWhoseStartIsUnknown_isNotAnsweredFromTheMirror() {
    FakeLineFeed unknown = new FakeLineFeed(clock);
    unknown.append(new Joined(3), new Joined(7));
    LineMirrors fromUnknown =
        new LineMirrors(
            unknown,
            MirrorListener.NONE,
            metrics,
            clock,
            withMinRateZero(),
            (eventId, loop) -> {},
            pause -> {});
    MirrorPositions positions = new MirrorPositions(fromUnknown, TestWaiters.STAMPS);
    positions.standing(sealed(), waiter.token(), QueuePolicy::defaults, clock.instant());
    fromUnknown.step(fromUnknown.follower(EVENT).orElseThrow());
    assertThat(fromUnknown.fresh(EVENT, clock.instant()).orElseThrow().isWaiting(Place.line(7)))
        .isTrue();

    assertThat(positions.standing(sealed(), waiter.token(), QueuePolicy::defaults, clock.instant()))
        .isEmpty();
  }

  @Test
  void statusFromTheMirror_sendsTheWaitersHeartbeatOncePerThinningWindow() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 99, TestWaiters.INDEX));
    mirrorCaughtUp();
    heartbeats.flush();
    clearInvocations(line);
    Duration window = HeartbeatThinning.window(QueuePolicy.defaults().heartbeatTimeout());

    for (long ms = 0; ms < 3 * window.toMillis(); ms += 500) {
      assertThat(service.status(sealed()).source().text()).startsWith("mirror");
      heartbeats.flush();
      clock.advanceMillis(500);
      mirrors.step(mirrors.follower(EVENT).orElseThrow());
    }

    // A call every 500 ms for three windows: three or four heartbeats, not 180.
    verify(line, atLeast(3)).touch(eq(EVENT), eq(Set.of(waiter.id())), any());
    verify(line, atMost(4)).touch(any(), any(), any());
  }

  @Test
  void statusFromTheStore_sendsEveryHeartbeat() {
    when(line.locate(any(), any(), any()))
        .thenReturn(new WaiterStanding(waiter, 99, TestWaiters.INDEX));

    for (int i = 0; i < 5; i++) {
      service.status(waiter.token().encode());
      heartbeats.flush();
    }

    verify(line, times(5)).touch(eq(EVENT), eq(Set.of(waiter.id())), any());
  }
}
