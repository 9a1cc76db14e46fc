package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomNotFound;
import io.queuegate.domain.port.in.RevokeSessionUseCase;
import io.queuegate.domain.port.out.Rooms;
import java.time.Clock;
import java.util.Objects;

/**
 * Ends one session of a room at an operator's word; revoking twice, or an unknown id, is no error.
 */
public final class RevokeSessionService implements RevokeSessionUseCase {
  private final Rooms rooms;
  private final SessionKeeper keeper;
  private final Clock clock;

  public RevokeSessionService(Rooms rooms, SessionKeeper keeper, Clock clock) {
    this.rooms = Objects.requireNonNull(rooms);
    this.keeper = Objects.requireNonNull(keeper);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public void revoke(RoomId roomId, String admissionId) {
    Room room = rooms.find(roomId).orElseThrow(RoomNotFound::new);
    keeper.end(room.eventId(), admissionId, clock.instant());
  }
}
