package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.InvalidRoom;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.port.in.ConfigureRoomUseCase;
import io.queuegate.domain.port.out.Rooms;
import java.util.Objects;

/**
 * Saves a room in the store, where every instance reads it within a refresh interval; this instance
 * applies it at once. At most {@value #MAX_ROOMS} rooms, so the per-instance copy and the metrics
 * labels stay small.
 */
public final class ConfigureRoomService implements ConfigureRoomUseCase {
  static final int MAX_ROOMS = 1000;

  private final Rooms rooms;
  private final RoomCatalog catalog;

  public ConfigureRoomService(Rooms rooms, RoomCatalog catalog) {
    this.rooms = Objects.requireNonNull(rooms);
    this.catalog = Objects.requireNonNull(catalog);
  }

  @Override
  public Room configure(Room room) {
    if (rooms.find(room.id()).isEmpty() && rooms.list().size() >= MAX_ROOMS) {
      throw new InvalidRoom(RoomField.ROOM_ID, "is one room too many: at most " + MAX_ROOMS);
    }
    rooms.save(room);
    catalog.put(room);
    return room;
  }
}
