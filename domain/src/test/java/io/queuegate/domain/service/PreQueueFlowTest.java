package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleNotStarted;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.SignedAdmission;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A scheduled sale through the services, with the clock in the test's hand
 * (docs/design.md#pre-queue): refused before the pre-queue, the pre-queue's answers, and the
 * opening, after which the pre-queue stands in its shuffled order ahead of a later joiner.
 */
class PreQueueFlowTest {
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2027-01-10T08:00:00Z");
  private static final Instant STARTS = T0.plusSeconds(60);
  private static final Instant OPENS = T0.plusSeconds(600);

  private final MutableClock clock = new MutableClock(T0);
  private final FakeQueueStore store = new FakeQueueStore();
  private final EventPolicies stored = mock(EventPolicies.class);
  private final AdmissionTokenSigner signer = mock(AdmissionTokenSigner.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(
          stored, TestWaiters.policy(1, 50, HEARTBEAT_TIMEOUT), clock, Duration.ofSeconds(1));
  private final EtaEstimator eta = new EtaEstimator(store, clock);
  private final PollingHint hint = new PollingHint(FixedRandom.NO_JITTER);
  private final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(store, clock);
  private final SaleOpening opening = new SaleOpening(store, clock);
  private final JoinQueueService join =
      new JoinQueueService(
          store,
          catalog,
          mock(EnqueueTokenVerifier.class),
          eta,
          hint,
          QueueMetrics.NONE,
          TestWaiters.STAMPS,
          clock,
          Optional.empty(),
          CaptchaVerifier.NONE,
          Optional.of(opening),
          Optional.empty());
  private final QueueStatusService status =
      new QueueStatusService(
          store,
          catalog,
          eta,
          hint,
          heartbeats,
          QueueMetrics.NONE,
          clock,
          Optional.of(opening),
          Optional.empty());
  private final EnterQueueService enter =
      new EnterQueueService(
          store,
          catalog,
          signer,
          heartbeats,
          QueueMetrics.NONE,
          TestWaiters.STAMPS,
          clock,
          Optional.of(opening));
  private final ShuffleService shuffles = new ShuffleService(catalog, opening, store, clock);

  private void scheduled(Optional<String> publicValueSource) {
    QueuePolicy policy =
        TestWaiters.policy(1, 50, HEARTBEAT_TIMEOUT).toBuilder()
            .schedule(Optional.of(new SaleSchedule(STARTS, OPENS, publicValueSource)))
            .build();
    when(stored.find(EVENT)).thenReturn(Optional.of(policy));
    when(signer.sign(any()))
        .thenAnswer(call -> new SignedAdmission("jwt", call.<AdmissionClaims>getArgument(0)));
    opening.seal(EVENT); // as configuring the schedule does
  }

  private JoinReceipt joinOne() {
    return join.join(new JoinCommand(EVENT, Optional.empty(), Optional.empty()));
  }

  private List<JoinReceipt> joinPreQueue(int n) {
    List<JoinReceipt> receipts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      receipts.add(joinOne());
    }
    return receipts;
  }

  /** The receipts in the order the published rule makes from the key (docs/fairness.md#order). */
  private static List<JoinReceipt> shuffled(List<JoinReceipt> receipts, ShuffleKey key) {
    ShuffleKey.Scorer scorer = key.scorer();
    return receipts.stream()
        .sorted(
            Comparator.<JoinReceipt>comparingLong(r -> scorer.orderScore(r.entrant()))
                .thenComparing(JoinReceipt::entrant))
        .toList();
  }

  @Test
  void joinBeforeThePreQueue_isRefusedWithTheSchedule() {
    scheduled(Optional.empty());

    assertThatThrownBy(this::joinOne)
        .isInstanceOfSatisfying(
            SaleNotStarted.class,
            e -> {
              assertThat(e.preQueueStartsAt()).isEqualTo(STARTS);
              assertThat(e.opensAt()).isEqualTo(OPENS);
            });
  }

  @Test
  void duringThePreQueue_everyoneHearsItsSizeAndTheOpening_andCannotEnter() {
    scheduled(Optional.empty());
    clock.advance(Duration.between(T0, STARTS));

    List<JoinReceipt> receipts = joinPreQueue(4);
    clock.advance(Duration.ofSeconds(10));

    assertThat(receipts).allSatisfy(r -> assertThat(r.inPreQueue()).isTrue());
    assertThat(receipts.get(3).position()).isEqualTo(4);
    WaiterStatus first = status.status(receipts.get(0).token().encode());
    assertThat(first.inPreQueue()).isTrue();
    assertThat(first.position()).isEqualTo(4);
    assertThat(first.readyForEntry()).isFalse();
    assertThat(first.opensAt()).contains(OPENS);
    long untilOpening = Duration.between(clock.instant(), OPENS).toMillis();
    assertThat(first.pollAfterMs())
        .isLessThanOrEqualTo(HeartbeatCadence.longestWait(HEARTBEAT_TIMEOUT).toMillis())
        .isLessThanOrEqualTo(untilOpening + 2_000);
    assertThatThrownBy(() -> enter.enter(receipts.get(0).token().encode()))
        .isInstanceOfSatisfying(
            NotReady.class, e -> assertThat(e.reason()).isEqualTo(NotReady.Reason.NOT_OPEN));
  }

  @Test
  void atTheOpening_thePreQueueStandsInTheShuffledOrder_aheadOfALaterJoiner() {
    scheduled(Optional.empty());
    clock.advance(Duration.between(T0, STARTS));
    List<JoinReceipt> receipts = joinPreQueue(6);
    clock.advance(Duration.between(STARTS, OPENS));

    JoinReceipt later = joinOne();

    assertThat(later.inPreQueue()).isFalse();
    assertThat(later.position()).isEqualTo(7);
    List<JoinReceipt> order = shuffled(receipts, store.shuffle(EVENT).orElseThrow().key());
    for (int place = 0; place < order.size(); place++) {
      WaiterStatus s = status.status(order.get(place).token().encode());
      assertThat(s.inPreQueue()).isFalse();
      assertThat(s.position()).as("place %d", place + 1).isEqualTo(place + 1);
    }
    // A window of one: only the head enters, in the published order, the later joiner last.
    for (JoinReceipt next : order) {
      assertThatThrownBy(() -> enter.enter(later.token().encode())).isInstanceOf(NotReady.class);
      assertThat(enter.enter(next.token().encode()).reservationToken()).isEqualTo("jwt");
    }
    assertThat(enter.enter(later.token().encode()).reservationToken()).isEqualTo("jwt");
    assertThat(store.shuffle(EVENT).orElseThrow().openedAt()).contains(OPENS);
    assertThat(store.shuffle(EVENT).orElseThrow().entrants()).isEqualTo(6);
  }

  @Test
  void withAPublicValue_theOpeningScoresWhoeverIsLeft_underTheKeyWithTheValue() {
    scheduled(Optional.of("lottery draw #123"));
    clock.advance(Duration.between(T0, STARTS));
    List<JoinReceipt> unscored = joinPreQueue(3);
    assertThat(store.unscored(EVENT, 10)).hasSize(3);

    shuffles.setPublicValue(EVENT, "7 12 19");
    List<JoinReceipt> receipts = new ArrayList<>(unscored);
    receipts.addAll(joinPreQueue(2)); // the key is final now: these are scored at their join
    clock.advance(Duration.between(STARTS, OPENS));
    WaitingToken head = receipts.get(0).token();
    status.status(head.encode()); // the first request at the opening opens it

    assertThat(store.unscored(EVENT, 10)).isEmpty();
    ShuffleKey key = store.shuffle(EVENT).orElseThrow().key();
    assertThat(key)
        .isEqualTo(ShuffleKey.of(store.shuffle(EVENT).get().seed(), Optional.of("7 12 19")));
    List<JoinReceipt> order = shuffled(receipts, key);
    for (int place = 0; place < order.size(); place++) {
      assertThat(status.status(order.get(place).token().encode()).position()).isEqualTo(place + 1);
    }
    assertThatThrownBy(() -> enter.enter(order.get(1).token().encode()))
        .isInstanceOf(NotReady.class);
    assertThat(enter.enter(order.get(0).token().encode()).reservationToken()).isEqualTo("jwt");
  }
}
