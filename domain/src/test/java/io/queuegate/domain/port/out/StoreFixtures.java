package io.queuegate.domain.port.out;

import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Values the store contracts share: a fixed origin of time (tests never read the wall clock), fresh
 * event ids, new waiters and admission attempts.
 */
public final class StoreFixtures {
  /** Every contract's time zero. */
  public static final Instant BASE = Instant.parse("2030-01-01T00:00:00Z");

  /** A limiter that never gets in the way. */
  public static final Gcra OPEN_LIMITER = new Gcra(1_000_000, 1_000_000);

  private StoreFixtures() {}

  /** {@link #BASE} plus {@code seconds}. */
  public static Instant at(long seconds) {
    return BASE.plusSeconds(seconds);
  }

  /** {@link #BASE} plus {@code millis}. */
  public static Instant atMillis(long millis) {
    return BASE.plusMillis(millis);
  }

  /** An event id no other test uses, so a store shared between tests still isolates them. */
  public static EventId newEventId() {
    return new EventId("ev-" + UUID.randomUUID());
  }

  public static Identity newIdentity() {
    return new Identity("person-" + UUID.randomUUID());
  }

  /** A join with neither user id nor identity. */
  public static NewWaiter anonymous(EventId eventId) {
    return new NewWaiter(eventId, WaiterId.random(), Optional.empty(), Optional.empty());
  }

  /** A join with an informational user id only, as the old web client sends. */
  public static NewWaiter withUser(EventId eventId, String userId) {
    return new NewWaiter(
        eventId, WaiterId.random(), Optional.of(new UserId(userId)), Optional.empty());
  }

  /** A join vouched for by an enqueue token naming {@code identity}. */
  public static NewWaiter withIdentity(EventId eventId, Identity identity) {
    return new NewWaiter(eventId, WaiterId.random(), Optional.empty(), Optional.of(identity));
  }

  /** An attempt that only the waiter's presence can refuse: wide window, open limiter. */
  public static AdmissionAttempt openAttempt(EventId eventId, WaiterId waiterId) {
    return attempt(eventId, waiterId, 1_000_000, false, OPEN_LIMITER, 0, Duration.ofSeconds(60));
  }

  public static AdmissionAttempt attempt(
      EventId eventId,
      WaiterId waiterId,
      long readyWindow,
      boolean paused,
      Gcra limiter,
      long maxActive,
      Duration ttl) {
    return new AdmissionAttempt(
        eventId,
        waiterId,
        readyWindow,
        paused,
        limiter,
        maxActive,
        "adm-" + UUID.randomUUID(),
        ttl);
  }

  /** The default policy with another ready window, so two policies are easy to tell apart. */
  public static QueuePolicy policyWithReadyWindow(long readyWindow) {
    QueuePolicy d = QueuePolicy.defaults();
    return QueuePolicy.builder()
        .readyWindow(readyWindow)
        .admissionRatePerSec(d.admissionRatePerSec())
        .admissionBurst(d.admissionBurst())
        .maxActive(d.maxActive())
        .maxWaiting(d.maxWaiting())
        .heartbeatTimeout(d.heartbeatTimeout())
        .admissionTtl(d.admissionTtl())
        .pausedJoins(d.pausedJoins())
        .pausedAdmission(d.pausedAdmission())
        .requireEnqueueToken(d.requireEnqueueToken())
        .build();
  }
}
