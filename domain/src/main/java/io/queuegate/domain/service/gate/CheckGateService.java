package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.GateDecision;
import io.queuegate.domain.model.GateDecision.Pass;
import io.queuegate.domain.model.GateDecision.Queue;
import io.queuegate.domain.model.GateDecision.Refuse;
import io.queuegate.domain.model.GateOutcome;
import io.queuegate.domain.model.GateRequest;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.InvalidReturnUrl;
import io.queuegate.domain.model.OutagePolicy;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.RequestPath;
import io.queuegate.domain.model.ReturnUrl;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomMode;
import io.queuegate.domain.model.Session;
import io.queuegate.domain.model.SessionCookie;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.in.CheckGateUseCase;
import io.queuegate.domain.port.out.GateMetrics;
import io.queuegate.domain.port.out.GateSessions;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.service.PolicyCatalog;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides one request for a proxy (docs/design.md#gate). Paths no room covers and bypass paths
 * pass; a closed room refuses; a valid session passes (renewed now and then, ended on a completion
 * path); a newcomer is admitted at once when nobody waits and there is capacity, and is otherwise
 * sent to the waiting page (a crawler gets 503 instead). Only newcomers and completions reach the
 * store.
 */
public final class CheckGateService implements CheckGateUseCase {
  private static final System.Logger LOG = System.getLogger(CheckGateService.class.getName());

  private final RoomCatalog rooms;
  private final SessionKeeper keeper;
  private final SessionRenewals renewals;
  private final GateSessions sessions;
  private final PolicyCatalog policies;
  private final QueueMetrics queueMetrics;
  private final GateMetrics gateMetrics;
  private final GateSettings settings;
  private final Crawlers crawlers;
  private final Clock clock;

  public CheckGateService(
      RoomCatalog rooms,
      SessionKeeper keeper,
      SessionRenewals renewals,
      GateSessions sessions,
      PolicyCatalog policies,
      QueueMetrics queueMetrics,
      GateMetrics gateMetrics,
      GateSettings settings,
      Clock clock) {
    this.rooms = Objects.requireNonNull(rooms);
    this.keeper = Objects.requireNonNull(keeper);
    this.renewals = Objects.requireNonNull(renewals);
    this.sessions = Objects.requireNonNull(sessions);
    this.policies = Objects.requireNonNull(policies);
    this.queueMetrics = Objects.requireNonNull(queueMetrics);
    this.gateMetrics = Objects.requireNonNull(gateMetrics);
    this.settings = Objects.requireNonNull(settings);
    this.crawlers = new Crawlers(settings.crawlerAgents());
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public GateDecision check(GateRequest request) {
    Instant now = clock.instant();
    RequestPath path = RequestPath.of(request.target());
    Optional<Room> match = rooms.match(HostPattern.normalize(request.host()), path);
    if (match.isEmpty()) {
      gateMetrics.decided(Optional.empty(), GateOutcome.UNMATCHED);
      return Pass.plain(GateOutcome.UNMATCHED);
    }
    Room room = match.get();
    GateDecision decision = decide(room, request, path, now);
    gateMetrics.decided(Optional.of(room.id()), decision.outcome());
    return decision;
  }

  private GateDecision decide(Room room, GateRequest request, RequestPath path, Instant now) {
    if (room.bypasses(path)) {
      return Pass.plain(GateOutcome.BYPASS);
    }
    if (room.mode() == RoomMode.REJECT) {
      return new Refuse(GateOutcome.REJECT, settings.closedRetryAfter());
    }
    Optional<Session> session = keeper.valid(room, request.cookies(), now);
    if (session.isPresent()) {
      return admitted(room, session.get(), path, now);
    }
    boolean crawler = crawlers.matches(request.userAgent());
    return switch (room.mode()) {
      case QUEUE_ALL -> hold(request, crawler, GateOutcome.QUEUE);
      case PASSTHROUGH -> admitAtOnce(room, request, crawler, true, now);
      case QUEUE -> admitAtOnce(room, request, crawler, false, now);
      case REJECT -> throw new IllegalStateException("a closed room was answered above");
    };
  }

  private GateDecision admitted(Room room, Session session, RequestPath path, Instant now) {
    Optional<String> token = Optional.of(keeper.admissionToken(session));
    if (room.completes(path)) {
      try {
        keeper.end(room.eventId(), session.admissionId(), now);
      } catch (StoreUnavailableException e) {
        // Ended here already; elsewhere it lapses at its idle deadline.
        LOG.log(Level.WARNING, "a completed session could not be ended in the store", e);
      }
      return new Pass(
          GateOutcome.COMPLETE, Optional.of(SessionCookie.removal(room.cookieName())), token);
    }
    Duration age = Duration.between(session.issuedAt(), now);
    Instant idle = now.plus(room.idleTimeout());
    boolean due =
        age.toMillis() >= room.idleTimeout().toMillis() * settings.renewAfter()
            && session.idleDeadline().isBefore(session.hardCap());
    if (!due) {
      return new Pass(GateOutcome.PASS, Optional.empty(), token);
    }
    Session renewed = session.renewedAt(now, idle);
    renewals.record(room.eventId(), renewed.admissionId(), renewed.idleDeadline());
    return new Pass(GateOutcome.PASS, Optional.of(keeper.cookie(room, renewed, now)), token);
  }

  private GateDecision admitAtOnce(
      Room room, GateRequest request, boolean crawler, boolean counted, Instant now) {
    String admissionId = UUID.randomUUID().toString();
    AtOnceResult result;
    try {
      QueuePolicy policy = policies.policyFor(room.eventId());
      // A scheduled sale admits nobody at once before it opens (docs/design.md#pre-queue).
      boolean notOpen = policy.schedule().map(s -> !s.isOpenAt(now)).orElse(false);
      result =
          sessions.admitAtOnce(
              new AtOnceAttempt(
                  room.eventId(),
                  policy.pausedAdmission() || notOpen,
                  policy.admissionLimiter(),
                  policy.maxActive(),
                  admissionId,
                  SessionKeeper.firstIdleDeadline(room, now),
                  counted),
              now);
    } catch (StoreUnavailableException e) {
      return room.storeOutage() == OutagePolicy.LET_THROUGH
          ? Pass.plain(GateOutcome.OUTAGE_PASS)
          : hold(request, crawler, GateOutcome.OUTAGE_QUEUE);
    }
    if (result != AtOnceResult.ADMITTED) {
      return hold(request, crawler, GateOutcome.QUEUE);
    }
    queueMetrics.admitted(room.eventId(), Duration.ZERO);
    Session session = keeper.open(room, admissionId, now);
    return new Pass(
        counted ? GateOutcome.PASSTHROUGH : GateOutcome.ADMIT,
        Optional.of(keeper.cookie(room, session, now)),
        Optional.of(keeper.admissionToken(session)));
  }

  /** To the waiting page, or, for a crawler that cannot wait there, a 503 to come back later. */
  private GateDecision hold(GateRequest request, boolean crawler, GateOutcome outcome) {
    if (crawler) {
      return new Refuse(GateOutcome.CRAWLER, settings.crawlerRetryAfter());
    }
    return new Queue(outcome, returnTarget(request));
  }

  /** Where the visitor asked to go, as a path on this host; never anywhere else. */
  private static String returnTarget(GateRequest request) {
    try {
      return ReturnUrl.parse(request.target(), request.host()).target().startsWith("/")
          ? request.target()
          : RequestPath.of(request.target()).value();
    } catch (InvalidReturnUrl e) {
      return RequestPath.of(request.target()).value();
    }
  }
}
