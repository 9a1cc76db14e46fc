package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.Session;
import io.queuegate.domain.model.SessionCookie;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.GateSessions;
import io.queuegate.domain.port.out.SessionTokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens, reads and ends gate sessions. Reading a session needs no store: the cookie's signature,
 * its deadlines and this instance's {@link RevocationWatch} decide. A session's admission token
 * (for the origin; its {@code jti} and {@code sub} are the admission id, its {@code exp} the hard
 * cap) follows from the session alone, so each instance signs it once per session, when it first
 * needs it, and keeps it in a bounded map rather than in the cookie.
 */
public final class SessionKeeper {
  private final AdmissionTokenSigner admissionTokens;
  private final SessionTokenSigner cookies;
  private final GateSessions sessions;
  private final RevocationWatch revocations;
  private final RoomCatalog rooms;
  private final ConcurrentHashMap<String, String> tokens = new ConcurrentHashMap<>();
  static final int MAX_TOKENS = 20_000;

  public SessionKeeper(
      AdmissionTokenSigner admissionTokens,
      SessionTokenSigner cookies,
      GateSessions sessions,
      RevocationWatch revocations,
      RoomCatalog rooms) {
    this.admissionTokens = Objects.requireNonNull(admissionTokens);
    this.cookies = Objects.requireNonNull(cookies);
    this.sessions = Objects.requireNonNull(sessions);
    this.revocations = Objects.requireNonNull(revocations);
    this.rooms = Objects.requireNonNull(rooms);
  }

  /** When a session of {@code room} admitted at {@code now} goes idle first: never past its cap. */
  static Instant firstIdleDeadline(Room room, Instant now) {
    Instant idle = now.plus(room.idleTimeout());
    Instant cap = now.plus(room.hardCap());
    return idle.isAfter(cap) ? cap : idle;
  }

  /** A new session for an admission made at {@code now}. */
  Session open(Room room, String admissionId, Instant now) {
    return new Session(
        room.id(),
        room.eventId(),
        admissionId,
        now,
        now,
        firstIdleDeadline(room, now),
        now.plus(room.hardCap()));
  }

  /** The session's admission token for the origin, signed here once per session. */
  String admissionToken(Session session) {
    String token = tokens.get(session.admissionId());
    if (token != null) {
      return token;
    }
    String signed =
        admissionTokens
            .sign(
                new AdmissionClaims(
                    session.eventId(),
                    session.admissionId(),
                    // A gate session is admitted on its cookie, with no enqueue token behind it.
                    Optional.empty(),
                    session.admissionId(),
                    session.admittedAt(),
                    session.hardCap()))
            .token();
    if (tokens.size() >= MAX_TOKENS) {
      tokens.clear(); // sessions outnumbering the map: sign again rather than grow
    }
    tokens.put(session.admissionId(), signed);
    return signed;
  }

  /** The cookie that carries {@code session}, kept by the browser until the hard cap. */
  SessionCookie cookie(Room room, Session session, Instant now) {
    Duration maxAge = Duration.between(now, session.hardCap());
    return new SessionCookie(
        room.cookieName(), cookies.sign(session), maxAge.isNegative() ? Duration.ZERO : maxAge);
  }

  /**
   * The visitor's session of {@code room}, when its cookie is signed by us, names this room and its
   * event, is within both deadlines and was not ended early; empty otherwise.
   */
  Optional<Session> valid(Room room, Map<String, String> visitorCookies, Instant now) {
    String value = visitorCookies.get(room.cookieName());
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return cookies
        .verify(value)
        .filter(s -> s.room().equals(room.id()) && s.eventId().equals(room.eventId()))
        .filter(s -> s.liveAt(now))
        .filter(s -> !revocations.isRevoked(s.eventId(), s.admissionId()));
  }

  /**
   * Ends an admission's session early: at once on this instance, and through the store on the
   * others and for the active limit.
   *
   * @throws io.queuegate.domain.model.StoreUnavailableException when the store could not be told
   */
  void end(EventId eventId, String admissionId, Instant now) {
    Duration keep = rooms.longestHardCap(eventId);
    revocations.note(eventId, admissionId, now.plus(keep));
    sessions.end(eventId, admissionId, keep, now);
  }
}
