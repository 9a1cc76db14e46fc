package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.GateEntry;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomClosed;
import io.queuegate.domain.model.Session;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.EnterGateUseCase;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.service.HeartbeatCoalescer;
import io.queuegate.domain.service.PolicyCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Lets a ready waiter of a room's line in (docs/design.md#gate): the queue's own enter step, in one
 * atomic store step, with the admission living until the session's first idle deadline; then the
 * session cookie and the way back. A room holding everybody ({@code queue_all}) answers as a paused
 * admission would, so the waiter keeps its place.
 */
public final class EnterGateService implements EnterGateUseCase {
  private final RoomCatalog rooms;
  private final SessionKeeper keeper;
  private final AdmissionLedger ledger;
  private final PolicyCatalog policies;
  private final HeartbeatCoalescer heartbeats;
  private final QueueMetrics metrics;
  private final GateSettings settings;
  private final Clock clock;

  public EnterGateService(
      RoomCatalog rooms,
      SessionKeeper keeper,
      AdmissionLedger ledger,
      PolicyCatalog policies,
      HeartbeatCoalescer heartbeats,
      QueueMetrics metrics,
      GateSettings settings,
      Clock clock) {
    this.rooms = Objects.requireNonNull(rooms);
    this.keeper = Objects.requireNonNull(keeper);
    this.ledger = Objects.requireNonNull(ledger);
    this.policies = Objects.requireNonNull(policies);
    this.heartbeats = Objects.requireNonNull(heartbeats);
    this.metrics = Objects.requireNonNull(metrics);
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public GateEntry enter(String waitingToken, String returnUrl, String host) {
    Instant now = clock.instant();
    RoomResolver.Target target = RoomResolver.resolve(rooms, returnUrl, host);
    Room room = target.room();
    WaitingToken token = WaitingToken.parse(waitingToken).orElseThrow(WaiterNotFound::new);
    if (!token.eventId().equals(room.eventId())) {
      throw new WaiterNotFound(); // a token of another line: as unknown as any other
    }
    switch (room.mode()) {
      case REJECT -> throw new RoomClosed(settings.closedRetryAfter());
      case QUEUE_ALL -> throw NotReady.paused();
      case QUEUE, PASSTHROUGH -> {}
    }
    QueuePolicy policy = policies.policyFor(room.eventId());
    String admissionId = UUID.randomUUID().toString();
    Admission admission =
        ledger.admit(
            new AdmissionAttempt(
                room.eventId(),
                token.waiterId(),
                policy.readyWindow(),
                policy.pausedAdmission(),
                policy.admissionLimiter(),
                policy.maxActive(),
                admissionId,
                Duration.between(now, SessionKeeper.firstIdleDeadline(room, now))),
            now);
    heartbeats.forget(room.eventId(), token.waiterId());
    metrics.admitted(room.eventId(), admission.waited());
    Session session = keeper.open(room, admissionId, now);
    return new GateEntry(keeper.cookie(room, session, now), target.url().target());
  }
}
