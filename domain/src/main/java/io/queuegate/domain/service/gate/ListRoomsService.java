package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.port.in.ListRoomsUseCase;
import io.queuegate.domain.port.out.Rooms;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Reads every room from the store, sorted by id. */
public final class ListRoomsService implements ListRoomsUseCase {
  private final Rooms rooms;

  public ListRoomsService(Rooms rooms) {
    this.rooms = Objects.requireNonNull(rooms);
  }

  @Override
  public List<Room> list() {
    return rooms.list().stream().sorted(Comparator.comparing(room -> room.id().value())).toList();
  }
}
