package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.OPEN_LIMITER;
import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.attempt;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.Revocation;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GateSessions} must do: admit at once only when the line is empty and there is
 * capacity, in its check order and all or nothing; share the active limit with the queue's enter
 * step; extend and end sessions; keep the revocations for the other instances.
 */
public abstract class GateSessionsContract {
  private static final Duration REMEMBER = Duration.ofSeconds(600);

  private QueueStore store;
  private GateSessions sessions;
  private EventId event;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore();
    sessions = store.gate().sessions();
    event = newEventId();
  }

  private AtOnceAttempt atOnce(String id, Instant expiresAt, Gcra limiter, long maxActive) {
    return new AtOnceAttempt(event, false, limiter, maxActive, id, expiresAt, false);
  }

  private AtOnceAttempt open(Instant expiresAt) {
    return atOnce(newId(), expiresAt, OPEN_LIMITER, 0);
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private long live(Instant now) {
    return store.line().stats(event, now).liveAdmissions();
  }

  @Test
  void admitAtOnceWithAnEmptyLine_recordsALiveAdmission() {
    assertThat(sessions.admitAtOnce(open(at(60)), at(1))).isEqualTo(AtOnceResult.ADMITTED);

    assertThat(live(at(2))).isEqualTo(1);
    assertThat(store.line().stats(event, at(2)).admitted()).isEqualTo(1);
    assertThat(store.ledger().recentAdmissions(event, at(2)))
        .isEqualTo(new AdmissionWindows(1, 1, 1));
    assertThat(live(at(60))).as("live until its expiry, not after").isZero();
  }

  @Test
  void admitAtOnceWhileSomebodyWaits_isRefusedAndChangesNothing() {
    WaiterId waiter = store.line().join(anonymous(event), 0, at(0)).standing().waiter().id();

    assertThat(sessions.admitAtOnce(open(at(60)), at(1))).isEqualTo(AtOnceResult.LINE_NOT_EMPTY);

    assertThat(live(at(1))).isZero();
    assertThat(store.line().stats(event, at(1)).admitted()).isZero();
    store.ledger().admit(openAttempt(event, waiter), at(2));
    assertThat(sessions.admitAtOnce(open(at(60)), at(3)))
        .as("once the line is empty again")
        .isEqualTo(AtOnceResult.ADMITTED);
  }

  @Test
  void refusals_comeInTheDocumentedOrder() {
    store.line().join(anonymous(event), 0, at(0));
    AtOnceAttempt paused =
        new AtOnceAttempt(event, true, new Gcra(1, 1), 1, newId(), at(60), false);

    assertThat(sessions.admitAtOnce(paused, at(1))).isEqualTo(AtOnceResult.LINE_NOT_EMPTY);
  }

  @Test
  void admitAtOnceWhilePaused_isRefused() {
    AtOnceAttempt paused = new AtOnceAttempt(event, true, OPEN_LIMITER, 0, newId(), at(60), false);

    assertThat(sessions.admitAtOnce(paused, at(1))).isEqualTo(AtOnceResult.PAUSED);
    assertThat(live(at(1))).isZero();
  }

  @Test
  void admitAtOnceAtMaxActive_isRefusedWithoutUsingTheLimiter_untilAnAdmissionExpires() {
    Gcra oneAtATime = new Gcra(0.001, 2);
    assertThat(sessions.admitAtOnce(atOnce(newId(), at(30), oneAtATime, 1), at(1)))
        .isEqualTo(AtOnceResult.ADMITTED);

    assertThat(sessions.admitAtOnce(atOnce(newId(), at(90), oneAtATime, 1), at(2)))
        .isEqualTo(AtOnceResult.MAX_ACTIVE);
    assertThat(sessions.admitAtOnce(atOnce(newId(), at(90), oneAtATime, 1), at(30)))
        .as("the limiter's second unit is still there")
        .isEqualTo(AtOnceResult.ADMITTED);
  }

  @Test
  void admitAtOnceWithAnEmptyLimiter_isRefused() {
    Gcra single = new Gcra(0.001, 1);
    assertThat(sessions.admitAtOnce(atOnce(newId(), at(60), single, 0), at(1)))
        .isEqualTo(AtOnceResult.ADMITTED);

    assertThat(sessions.admitAtOnce(atOnce(newId(), at(60), single, 0), at(2)))
        .isEqualTo(AtOnceResult.NO_CAPACITY);
    assertThat(live(at(2))).isEqualTo(1);
  }

  @Test
  void countedAdmission_isRecordedWhatever_theLineTheLimitOrThePause() {
    store.line().join(anonymous(event), 0, at(0));
    AtOnceAttempt counted =
        new AtOnceAttempt(event, true, new Gcra(0.001, 1), 1, newId(), at(60), true);

    assertThat(sessions.admitAtOnce(counted, at(1))).isEqualTo(AtOnceResult.ADMITTED);
    assertThat(sessions.admitAtOnce(counted, at(2))).isEqualTo(AtOnceResult.ADMITTED);

    assertThat(store.line().stats(event, at(3)).admitted()).isEqualTo(2);
  }

  @Test
  void sessionsAndTheQueuesEnterStep_shareTheActiveLimit() {
    WaiterId waiter = store.line().join(anonymous(event), 0, at(0)).standing().waiter().id();
    store
        .ledger()
        .admit(attempt(event, waiter, 10, false, OPEN_LIMITER, 1, Duration.ofSeconds(50)), at(1));

    assertThat(sessions.admitAtOnce(atOnce(newId(), at(60), OPEN_LIMITER, 1), at(2)))
        .isEqualTo(AtOnceResult.MAX_ACTIVE);

    sessions.admitAtOnce(atOnce(newId(), at(120), OPEN_LIMITER, 2), at(3));
    WaiterId next = store.line().join(anonymous(event), 0, at(4)).standing().waiter().id();
    try {
      store
          .ledger()
          .admit(attempt(event, next, 10, false, OPEN_LIMITER, 2, Duration.ofSeconds(50)), at(5));
      throw new AssertionError("the enter step must see the session");
    } catch (NotReady e) {
      assertThat(e.reason()).isEqualTo(NotReady.Reason.MAX_ACTIVE);
    }
  }

  @Test
  void extend_keepsTheAdmissionLivePastItsFirstExpiry_neverEarlier() {
    String id = newId();
    sessions.admitAtOnce(atOnce(id, at(30), OPEN_LIMITER, 0), at(1));

    sessions.extend(event, Map.of(id, at(90)), at(20));
    sessions.extend(event, Map.of(id, at(40)), at(21));

    assertThat(live(at(60))).isEqualTo(1);
    assertThat(live(at(90))).isZero();
  }

  @Test
  void extend_neverBringsBackAnAdmissionThatEnded() {
    String ended = newId();
    String expired = newId();
    sessions.admitAtOnce(atOnce(ended, at(30), OPEN_LIMITER, 0), at(1));
    sessions.admitAtOnce(atOnce(expired, at(5), OPEN_LIMITER, 0), at(1));
    sessions.end(event, ended, REMEMBER, at(2));

    sessions.extend(event, Map.of(ended, at(90), expired, at(90), newId(), at(90)), at(10));

    assertThat(live(at(11))).isZero();
  }

  @Test
  void end_freesTheActiveSlot_andTellsWhetherTheAdmissionWasLive() {
    String id = newId();
    sessions.admitAtOnce(atOnce(id, at(300), OPEN_LIMITER, 1), at(1));

    assertThat(sessions.end(event, id, REMEMBER, at(2))).isTrue();
    assertThat(sessions.end(event, id, REMEMBER, at(3))).isFalse();

    assertThat(sessions.admitAtOnce(atOnce(newId(), at(300), OPEN_LIMITER, 1), at(4)))
        .isEqualTo(AtOnceResult.ADMITTED);
  }

  @Test
  void revokedSince_listsTheEndsFromThatInstantOn_oldestFirst() {
    sessions.end(event, "a", REMEMBER, at(10));
    sessions.end(event, "b", REMEMBER, at(20));
    sessions.end(event, "c", REMEMBER, at(30));

    assertThat(sessions.revokedSince(event, at(20)))
        .containsExactly(new Revocation("b", at(20)), new Revocation("c", at(30)));
    assertThat(sessions.revokedSince(newEventId(), at(0))).isEmpty();
  }

  @Test
  void revocations_areForgottenOnceTheirTimeIsPast() {
    sessions.end(event, "old", Duration.ofSeconds(60), at(10));

    sessions.end(event, "new", Duration.ofSeconds(60), at(100));

    assertThat(sessions.revokedSince(event, at(0)))
        .extracting(Revocation::admissionId)
        .containsExactly("new");
  }

  @Test
  void concurrentAdmitsAtOnceUnderMaxActive_admitExactlyMaxActive() {
    var outcomes =
        Concurrently.run(
            16, 100, i -> sessions.admitAtOnce(atOnce(newId(), at(60), OPEN_LIMITER, 25), at(1)));

    assertThat(Concurrently.values(outcomes))
        .filteredOn(result -> result == AtOnceResult.ADMITTED)
        .hasSize(25);
    assertThat(live(at(1))).isEqualTo(25);
  }
}
