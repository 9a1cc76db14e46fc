package io.queuegate.adapter.memory;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.port.out.Rooms;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Rooms kept in this process; a room is an immutable value, so a map is all it takes. */
public final class InMemoryRooms implements Rooms {
  private final ConcurrentHashMap<RoomId, Room> rooms = new ConcurrentHashMap<>();

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
