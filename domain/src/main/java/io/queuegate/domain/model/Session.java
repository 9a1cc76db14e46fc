package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What an admitted visitor's session cookie holds, signed: the room and its event, the admission
 * (its id and when it happened), when this cookie was issued, and the two deadlines: {@code
 * idleDeadline} (renewed by use) and {@code hardCap} (never moved). It stays small, because the
 * browser sends it with every request.
 */
public record Session(
    RoomId room,
    EventId eventId,
    String admissionId,
    Instant admittedAt,
    Instant issuedAt,
    Instant idleDeadline,
    Instant hardCap) {
  public Session {
    Objects.requireNonNull(room);
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(admissionId);
    Objects.requireNonNull(admittedAt);
    Objects.requireNonNull(issuedAt);
    Objects.requireNonNull(idleDeadline);
    Objects.requireNonNull(hardCap);
  }

  /** Whether both deadlines are still ahead at {@code now}. */
  public boolean liveAt(Instant now) {
    return now.isBefore(idleDeadline) && now.isBefore(hardCap);
  }

  /**
   * The same session, issued again at {@code now} with a new idle deadline (never past the cap).
   */
  public Session renewedAt(Instant now, Instant newIdleDeadline) {
    Instant idle = newIdleDeadline.isAfter(hardCap) ? hardCap : newIdleDeadline;
    return new Session(room, eventId, admissionId, admittedAt, now, idle, hardCap);
  }
}
