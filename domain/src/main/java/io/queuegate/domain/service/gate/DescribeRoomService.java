package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomNotFound;
import io.queuegate.domain.port.in.DescribeRoomUseCase;
import io.queuegate.domain.port.out.Rooms;
import java.util.Objects;

/** Reads one room from the store, so an operator sees what every instance will apply. */
public final class DescribeRoomService implements DescribeRoomUseCase {
  private final Rooms rooms;

  public DescribeRoomService(Rooms rooms) {
    this.rooms = Objects.requireNonNull(rooms);
  }

  @Override
  public Room describe(RoomId id) {
    return rooms.find(id).orElseThrow(RoomNotFound::new);
  }
}
