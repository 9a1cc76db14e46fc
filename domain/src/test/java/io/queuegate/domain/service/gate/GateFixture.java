package io.queuegate.domain.service.gate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.Revocation;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.Session;
import io.queuegate.domain.model.SignedAdmission;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.GateMetrics;
import io.queuegate.domain.port.out.GateSessions;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.Rooms;
import io.queuegate.domain.port.out.SessionTokenSigner;
import io.queuegate.domain.service.PolicyCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gate's services over simple fakes: a clock moved by hand, rooms in a map, a store whose
 * answer to admitting at once the test chooses, and a session signer whose "signature" is a lookup
 * of the values it issued, so any other value is a forgery.
 */
final class GateFixture {
  static final Instant START = Instant.parse("2030-01-01T10:00:00Z");
  static final EventId EVENT = new EventId("sale");
  static final RoomId ROOM = new RoomId("shop");
  static final String HOST = "shop.example";

  final TestClock clock = new TestClock();
  final FakeRooms rooms = new FakeRooms();
  final FakeSessions sessions = new FakeSessions();
  final FakeSigner cookies = new FakeSigner();
  final AdmissionTokenSigner tokens = mock(AdmissionTokenSigner.class);
  final EventPolicies policies = mock(EventPolicies.class);
  final QueueMetrics queueMetrics = mock(QueueMetrics.class);
  final GateMetrics gateMetrics = mock(GateMetrics.class);
  final GateSettings settings = GateSettings.defaults();
  final RoomCatalog catalog = new RoomCatalog(rooms, List.of());
  final RevocationWatch revocations = new RevocationWatch(sessions);
  final SessionRenewals renewals = new SessionRenewals(sessions, clock);
  final PolicyCatalog policyCatalog =
      new PolicyCatalog(policies, QueuePolicy.defaults(), clock, Duration.ofSeconds(1));
  final SessionKeeper keeper = new SessionKeeper(tokens, cookies, sessions, revocations, catalog);

  GateFixture() {
    when(policies.find(any())).thenReturn(Optional.empty());
    when(tokens.sign(any()))
        .thenAnswer(
            call -> {
              AdmissionClaims claims = call.getArgument(0);
              return new SignedAdmission("jwt-" + claims.tokenId(), claims);
            });
  }

  CheckGateService check() {
    return new CheckGateService(
        catalog,
        keeper,
        renewals,
        sessions,
        policyCatalog,
        queueMetrics,
        gateMetrics,
        settings,
        clock);
  }

  /** A room on {@link #HOST} over {@code /checkout}, saved and in force. */
  Room room(java.util.function.UnaryOperator<Room.Builder> change) {
    Room room =
        change
            .apply(
                Room.builder(ROOM, HostPattern.parse(HOST), EVENT)
                    .pathPrefixes(List.of(PathPattern.prefix("/checkout", RoomField.PATH_PREFIXES)))
                    .idleTimeout(Duration.ofSeconds(100))
                    .hardCap(Duration.ofSeconds(1000)))
            .build();
    rooms.save(room);
    catalog.put(room);
    return room;
  }

  Room room() {
    return room(b -> b);
  }

  /** A clock that tests move by hand. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    void advance(Duration by) {
      now.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Rooms in a map. */
  static final class FakeRooms implements Rooms {
    final Map<RoomId, Room> rooms = new HashMap<>();

    @Override
    public List<Room> list() {
      return List.copyOf(rooms.values());
    }

    @Override
    public Optional<Room> find(RoomId id) {
      return Optional.ofNullable(rooms.get(id));
    }

    @Override
    public void save(Room room) {
      rooms.put(room.id(), room);
    }

    @Override
    public void delete(RoomId id) {
      rooms.remove(id);
    }
  }

  /** Answers {@link #next} to every attempt, and records what it was asked. */
  static final class FakeSessions implements GateSessions {
    AtOnceResult next = AtOnceResult.ADMITTED;
    boolean down;
    final List<AtOnceAttempt> attempts = new ArrayList<>();
    final List<Map<String, Instant>> extended = new ArrayList<>();
    final List<String> ended = new ArrayList<>();
    final List<Revocation> revoked = new ArrayList<>();

    private void maybeFail() {
      if (down) {
        throw new StoreUnavailableException("down", null);
      }
    }

    @Override
    public AtOnceResult admitAtOnce(AtOnceAttempt attempt, Instant now) {
      maybeFail();
      attempts.add(attempt);
      return attempt.counted() ? AtOnceResult.ADMITTED : next;
    }

    @Override
    public void extend(EventId eventId, Map<String, Instant> expiries, Instant now) {
      maybeFail();
      extended.add(Map.copyOf(expiries));
    }

    @Override
    public boolean end(EventId eventId, String admissionId, Duration remember, Instant now) {
      maybeFail();
      ended.add(admissionId);
      revoked.add(new Revocation(admissionId, now));
      return true;
    }

    @Override
    public List<Revocation> revokedSince(EventId eventId, Instant since) {
      maybeFail();
      return revoked.stream().filter(r -> !r.revokedAt().isBefore(since)).toList();
    }
  }

  /** Issues "cookie-N" values and accepts exactly those. */
  static final class FakeSigner implements SessionTokenSigner {
    final Map<String, Session> issued = new HashMap<>();

    @Override
    public String sign(Session session) {
      String value = "cookie-" + issued.size();
      issued.put(value, session);
      return value;
    }

    @Override
    public Optional<Session> verify(String token) {
      return Optional.ofNullable(issued.get(token));
    }
  }
}
