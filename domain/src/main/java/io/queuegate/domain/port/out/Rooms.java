package io.queuegate.domain.port.out;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import java.util.List;
import java.util.Optional;

/** The gate's rooms, set by operators and kept in the store so every instance sees them. */
public interface Rooms {

  /** Every room, in no particular order. */
  List<Room> list();

  Optional<Room> find(RoomId id);

  /** Creates or replaces the room with this id. */
  void save(Room room);

  /** Removes the room; nothing happens when there is none. */
  void delete(RoomId id);
}
