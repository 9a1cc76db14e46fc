package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.BASE;
import static io.queuegate.domain.port.out.StoreFixtures.OPEN_LIMITER;
import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.atMillis;
import static io.queuegate.domain.port.out.StoreFixtures.attempt;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.newIdentity;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AdmissionLedger} must do: the enter step's checks in their order, all or
 * nothing, the limiter's bound, single use, the active limit and the ETA windows.
 */
public abstract class AdmissionLedgerContract {
  private static final Duration TTL = Duration.ofSeconds(20);

  private QueueStore store;
  private WaitingLine line;
  private AdmissionLedger ledger;
  private EventId event;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    line = store.line();
    ledger = store.ledger();
    event = newEventId();
  }

  private Waiter joinWaiter(Instant now) {
    return line.join(anonymous(event), 0, now).standing().waiter();
  }

  private WaiterId join(Instant now) {
    return joinWaiter(now).id();
  }

  private AdmissionAttempt limited(WaiterId id, Gcra limiter, long maxActive) {
    return attempt(event, id, 1_000_000, false, limiter, maxActive, TTL);
  }

  private static NotReady.Reason reasonOf(Runnable call) {
    try {
      call.run();
    } catch (NotReady e) {
      return e.reason();
    }
    throw new AssertionError("expected NotReady");
  }

  // --- success --------------------------------------------------------------------------------

  @Test
  void admitOfAReadyWaiter_takesItOutOfTheLineAndRecordsTheAdmission() {
    Waiter waiter = joinWaiter(at(0));
    AdmissionAttempt attempt = limited(waiter.id(), OPEN_LIMITER, 0);

    Admission admission = ledger.admit(attempt, at(10));

    assertThat(admission)
        .isEqualTo(new Admission(attempt.admissionId(), waiter, at(10), at(10).plus(TTL)));
    assertThatThrownBy(() -> line.locate(event, waiter.id(), at(10)))
        .isInstanceOf(WaiterNotFound.class);
    EventStats stats = line.stats(event, at(10));
    assertThat(stats.waiting()).isZero();
    assertThat(stats.admitted()).isEqualTo(1);
    assertThat(stats.liveAdmissions()).isEqualTo(1);
    assertThat(ledger.recentAdmissions(event, at(10))).isEqualTo(new AdmissionWindows(1, 1, 1));
  }

  @Test
  void admitOfAVerifiedWaiter_returnsItsUserIdAndIdentity_forTheAdmissionToken() {
    Identity identity = newIdentity();
    NewWaiter invited =
        new NewWaiter(
            event, WaiterId.random(), Optional.of(new UserId("somebody")), Optional.of(identity));
    line.join(invited, 0, at(0));

    Admission admission = ledger.admit(openAttempt(event, invited.id()), at(1));

    assertThat(admission.waiter().userId()).contains(new UserId("somebody"));
    assertThat(admission.waiter().identity()).contains(identity);
  }

  @Test
  void admitOfTheSameWaiterTwice_throwsWaiterNotFoundTheSecondTime() {
    WaiterId id = join(at(0));
    ledger.admit(openAttempt(event, id), at(1));

    assertThatThrownBy(() -> ledger.admit(openAttempt(event, id), at(2)))
        .isInstanceOf(WaiterNotFound.class);
    assertThat(line.stats(event, at(2)).admitted()).isEqualTo(1);
  }

  // --- refusals -------------------------------------------------------------------------------

  @Test
  void admitOfAnUnknownWaiter_throwsWaiterNotFound() {
    join(at(0));

    assertThatThrownBy(() -> ledger.admit(openAttempt(event, WaiterId.random()), at(1)))
        .isInstanceOf(WaiterNotFound.class);
    assertThatThrownBy(() -> ledger.admit(openAttempt(newEventId(), WaiterId.random()), at(1)))
        .isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void admitOfAReapedWaiter_throwsWaiterExpiredWhileRemembered() {
    WaiterId id = join(at(0));
    line.reap(event, at(100), 10, Duration.ofSeconds(300), at(200));

    assertThatThrownBy(() -> ledger.admit(openAttempt(event, id), at(201)))
        .isInstanceOf(WaiterExpired.class);
    assertThatThrownBy(() -> ledger.admit(openAttempt(event, id), at(500)))
        .isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void refusals_comeInTheDocumentedOrder() {
    Gcra oneAtATime = new Gcra(1, 1);
    ledger.admit(limited(join(at(0)), oneAtATime, 0), at(0)); // live 1, limiter empty
    join(at(0));
    WaiterId second = join(at(0));
    Instant now = at(0);

    assertThatThrownBy(() -> ledger.admit(openAttempt(event, WaiterId.random()), now))
        .isInstanceOf(WaiterNotFound.class);
    assertThat(refusal(second, 1, true, oneAtATime, 1, now))
        .isEqualTo(NotReady.Reason.ADMISSION_PAUSED);
    assertThat(refusal(second, 1, false, oneAtATime, 1, now))
        .isEqualTo(NotReady.Reason.BEYOND_READY_WINDOW);
    assertThat(refusal(second, 2, false, oneAtATime, 1, now)).isEqualTo(NotReady.Reason.MAX_ACTIVE);
    assertThat(refusal(second, 2, false, oneAtATime, 0, now))
        .isEqualTo(NotReady.Reason.NO_CAPACITY);
  }

  private NotReady.Reason refusal(
      WaiterId id, long readyWindow, boolean paused, Gcra limiter, long maxActive, Instant now) {
    return reasonOf(
        () -> ledger.admit(attempt(event, id, readyWindow, paused, limiter, maxActive, TTL), now));
  }

  @Test
  void admitWhilePaused_isRefusedAndTakesNoCapacity() {
    Gcra single = new Gcra(1, 1);
    WaiterId id = join(at(0));

    assertThatThrownBy(() -> ledger.admit(attempt(event, id, 10, true, single, 0, TTL), at(0)))
        .isInstanceOfSatisfying(
            NotReady.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));

    assertThat(line.locate(event, id, at(0)).position()).isEqualTo(1);
    assertThat(ledger.admit(attempt(event, id, 10, false, single, 0, TTL), at(0)).waiter().id())
        .isEqualTo(id);
  }

  @Test
  void admitBeyondTheReadyWindow_isRefusedWithTheLinesRetryAndTakesNoCapacity() {
    Gcra single = new Gcra(1, 1);
    WaiterId head = join(at(0));
    join(at(0));
    WaiterId third = join(at(0));

    assertThatThrownBy(() -> ledger.admit(attempt(event, third, 2, false, single, 0, TTL), at(0)))
        .asInstanceOf(type(NotReady.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo(NotReady.Reason.BEYOND_READY_WINDOW);
              assertThat(e.retryAfter()).isEqualTo(NotReady.beyondWindow(3, 2, 1).retryAfter());
            });

    assertThat(line.stats(event, at(0)).waiting()).isEqualTo(3);
    ledger.admit(attempt(event, head, 2, false, single, 0, TTL), at(0));
  }

  @Test
  void admitAtMaxActive_waitsForTheEarliestExpiryAndTakesNoCapacity() {
    Gcra two = new Gcra(1, 2);
    WaiterId a = join(at(0));
    WaiterId b = join(at(0));
    Admission first = ledger.admit(limited(a, two, 1), at(0)); // expires at 20

    assertThatThrownBy(() -> ledger.admit(limited(b, two, 1), at(5)))
        .asInstanceOf(type(NotReady.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo(NotReady.Reason.MAX_ACTIVE);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(15));
            });

    ledger.consume(event, first.id(), first.expiresAt(), at(5));
    assertThat(ledger.admit(limited(b, two, 1), at(5)).waiter().id()).isEqualTo(b);
  }

  @Test
  void liveAdmissionThatExpired_freesItsActiveSlot() {
    WaiterId a = join(at(0));
    WaiterId b = join(at(0));
    ledger.admit(limited(a, OPEN_LIMITER, 1), at(0)); // expires at 20

    assertThat(reasonOf(() -> ledger.admit(limited(b, OPEN_LIMITER, 1), at(19))))
        .isEqualTo(NotReady.Reason.MAX_ACTIVE);
    assertThat(ledger.admit(limited(b, OPEN_LIMITER, 1), at(20)).waiter().id()).isEqualTo(b);
  }

  @Test
  void admitWithAnEmptyLimiter_isRefusedUntilItRefills() {
    Gcra twoPerBurst = new Gcra(1, 2);
    ledger.admit(limited(join(at(0)), twoPerBurst, 0), at(0));
    ledger.admit(limited(join(at(0)), twoPerBurst, 0), at(0));
    WaiterId third = join(at(0));

    assertThatThrownBy(() -> ledger.admit(limited(third, twoPerBurst, 0), at(0)))
        .asInstanceOf(type(NotReady.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo(NotReady.Reason.NO_CAPACITY);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            });
    assertThat(line.locate(event, third, atMillis(999)).position()).isEqualTo(1);
    assertThat(reasonOf(() -> ledger.admit(limited(third, twoPerBurst, 0), atMillis(999))))
        .isEqualTo(NotReady.Reason.NO_CAPACITY);
    assertThat(ledger.recentAdmissions(event, at(1)).last60s()).isEqualTo(2);

    assertThat(ledger.admit(limited(third, twoPerBurst, 0), at(1)).waiter().id()).isEqualTo(third);
  }

  @Test
  void admissionsOverSimulatedTime_neverExceedRateTimesTimePlusBurst() {
    Gcra limiter = new Gcra(10, 5);
    Deque<WaiterId> waiting = new ArrayDeque<>();
    for (int i = 0; i < 60; i++) {
      waiting.add(join(BASE));
    }
    int admitted = 0;
    for (int millis = 0; millis <= 3_000; millis += 10) {
      boolean refused = false;
      while (!refused && !waiting.isEmpty()) { // as many as the limiter takes at this instant
        try {
          ledger.admit(limited(waiting.peek(), limiter, 0), atMillis(millis));
          waiting.poll();
          admitted++;
        } catch (NotReady e) {
          assertThat(e.reason()).isEqualTo(NotReady.Reason.NO_CAPACITY);
          refused = true;
        }
      }
    }

    assertThat(admitted).isBetween(30, 35); // rate 10/s over 3 s, plus a burst of 5
  }

  // --- consume --------------------------------------------------------------------------------

  @Test
  void consume_isTrueOnceThenFalseUntilTheAdmissionExpires() {
    Admission admission = ledger.admit(openAttempt(event, join(at(0))), at(0));

    assertThat(ledger.consume(event, admission.id(), admission.expiresAt(), at(1))).isTrue();
    assertThat(ledger.consume(event, admission.id(), admission.expiresAt(), at(2))).isFalse();
    Instant lastMoment = admission.expiresAt().minusMillis(1);
    assertThat(ledger.consume(event, admission.id(), admission.expiresAt(), lastMoment)).isFalse();
  }

  @Test
  void consumeOfAnIdNeverAdmitted_isTrueOnce() {
    assertThat(ledger.consume(event, "adm-unknown", at(60), at(0))).isTrue();
    assertThat(ledger.consume(event, "adm-unknown", at(60), at(1))).isFalse();
  }

  @Test
  void consumedAdmission_stopsCountingAsLive() {
    Admission admission = ledger.admit(openAttempt(event, join(at(0))), at(0));

    ledger.consume(event, admission.id(), admission.expiresAt(), at(1));

    assertThat(line.stats(event, at(1)).liveAdmissions()).isZero();
    assertThat(line.stats(event, at(1)).admitted()).isEqualTo(1);
  }

  // --- recent admissions ----------------------------------------------------------------------

  @Test
  void recentAdmissions_countEachWindowEndingNow() {
    for (long t : new long[] {0, 100, 700, 830, 850}) {
      ledger.admit(openAttempt(event, join(at(t))), at(t));
    }

    assertThat(ledger.recentAdmissions(event, at(880))).isEqualTo(new AdmissionWindows(2, 3, 5));
  }

  /** An admission exactly as old as a window no longer counts in it. */
  @Test
  void admissionExactlyAWindowOld_isOutOfThatWindow() {
    ledger.admit(openAttempt(event, join(at(0))), at(0));

    assertThat(ledger.recentAdmissions(event, at(60).minusMillis(1)))
        .isEqualTo(new AdmissionWindows(1, 1, 1));
    assertThat(ledger.recentAdmissions(event, at(60))).isEqualTo(new AdmissionWindows(0, 1, 1));
    assertThat(ledger.recentAdmissions(event, at(900))).isEqualTo(AdmissionWindows.NONE);
  }

  @Test
  void recentAdmissionsOfAnEventWithoutAny_areNone() {
    join(at(0));

    assertThat(ledger.recentAdmissions(event, at(1))).isEqualTo(AdmissionWindows.NONE);
    assertThat(ledger.recentAdmissions(newEventId(), at(1))).isEqualTo(AdmissionWindows.NONE);
  }

  // --- admission history (the ETA's rate and its spread) ---------------------------------------

  @Test
  void admissionHistory_countsEachFifteenSecondSlotNewestFirst_andDatesTheOldest() {
    for (long t : new long[] {0, 100, 700, 830, 850, 851}) {
      ledger.admit(openAttempt(event, join(at(t))), at(t));
    }

    AdmissionHistory history = ledger.admissionHistory(event, at(880));

    // Slot i holds (880 - 15 (i + 1), 880 - 15 i]: 851 in (850, 865], 850 in (835, 850], 830 in
    // (820, 835], 700 in (685, 700], 100 in (85, 100] and 0 in (-5, 10].
    assertThat(history.slots()).hasSize(AdmissionHistory.SLOTS);
    assertThat(history.slots().get(0)).isZero();
    assertThat(history.slots().get(1)).isEqualTo(1);
    assertThat(history.slots().get(2)).isEqualTo(1);
    assertThat(history.slots().get(3)).isEqualTo(1);
    assertThat(history.slots().get(12)).isEqualTo(1);
    assertThat(history.slots().get(52)).isEqualTo(1);
    assertThat(history.slots().get(58)).isEqualTo(1);
    assertThat(history.slots().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
    assertThat(history.age()).isEqualTo(Duration.ofSeconds(880));
    assertThat(history.windows()).isEqualTo(ledger.recentAdmissions(event, at(880)));
  }

  @Test
  void admissionHistory_forgetsWhatTheLongestWindowNoLongerHolds() {
    ledger.admit(openAttempt(event, join(at(0))), at(0));
    ledger.admit(openAttempt(event, join(at(10))), at(10));

    AdmissionHistory history = ledger.admissionHistory(event, at(900));

    // The admission at 0 is exactly 900 s old: out of the history, so the oldest is the one at 10.
    assertThat(history.slots().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    assertThat(history.slots().get(AdmissionHistory.SLOTS - 1)).isEqualTo(1);
    assertThat(history.age()).isEqualTo(Duration.ofSeconds(890));
  }

  @Test
  void admissionHistoryOfAnEventWithoutAny_isNone() {
    join(at(0));

    assertThat(ledger.admissionHistory(event, at(1))).isEqualTo(AdmissionHistory.NONE);
    assertThat(ledger.admissionHistory(newEventId(), at(1))).isEqualTo(AdmissionHistory.NONE);
  }

  // --- concurrency ----------------------------------------------------------------------------

  @Test
  void concurrentAdmitsOfOneWaiter_succeedExactlyOnce() {
    WaiterId id = join(at(0));

    var outcomes = Concurrently.run(16, 50, i -> ledger.admit(openAttempt(event, id), at(1)));

    assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !o.succeeded())
        .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(WaiterNotFound.class));
    assertThat(line.stats(event, at(1)).admitted()).isEqualTo(1);
  }

  @Test
  void concurrentAdmitsAtOneInstant_takeExactlyTheBurst() {
    List<WaiterId> ids = IntStream.range(0, 200).mapToObj(i -> join(at(0))).toList();
    Gcra limiter = new Gcra(1, 40);

    var outcomes =
        Concurrently.run(16, ids.size(), i -> ledger.admit(limited(ids.get(i), limiter, 0), at(1)));

    assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(40);
    assertThat(outcomes)
        .filteredOn(o -> !o.succeeded())
        .allSatisfy(
            o ->
                assertThat(o.failure())
                    .asInstanceOf(type(NotReady.class))
                    .extracting(NotReady::reason)
                    .isEqualTo(NotReady.Reason.NO_CAPACITY));
    assertThat(line.stats(event, at(1)).waiting()).isEqualTo(160);
  }

  @Test
  void concurrentAdmitsUnderMaxActive_admitExactlyMaxActive() {
    List<WaiterId> ids = IntStream.range(0, 200).mapToObj(i -> join(at(0))).toList();

    var outcomes =
        Concurrently.run(
            16, ids.size(), i -> ledger.admit(limited(ids.get(i), OPEN_LIMITER, 25), at(1)));

    assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(25);
    assertThat(line.stats(event, at(1)).liveAdmissions()).isEqualTo(25);
  }
}
