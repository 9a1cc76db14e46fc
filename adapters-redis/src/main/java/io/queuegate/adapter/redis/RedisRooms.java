package io.queuegate.adapter.redis;

import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.port.out.Rooms;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rooms as one hash, {@code queuegate:rooms}, one field per room: the whole set is one HGETALL, the
 * read every instance makes every second or so. A value that no longer decodes is skipped with a
 * warning rather than taking every other room down with it.
 */
final class RedisRooms implements Rooms {
  private static final System.Logger LOG = System.getLogger(RedisRooms.class.getName());

  private final RedisLink link;
  private final RedisCalls calls;

  RedisRooms(RedisLink link, RedisCalls calls) {
    this.link = link;
    this.calls = calls;
  }

  @Override
  public List<Room> list() {
    Map<String, String> all = calls.await(link.commands().hgetall(RedisKeys.ROOMS));
    List<Room> rooms = new ArrayList<>(all.size());
    all.forEach((id, value) -> decode(id, value).ifPresent(rooms::add));
    return rooms;
  }

  @Override
  public Optional<Room> find(RoomId id) {
    String value = calls.await(link.commands().hget(RedisKeys.ROOMS, id.value()));
    return value == null ? Optional.empty() : decode(id.value(), value);
  }

  @Override
  public void save(Room room) {
    calls.await(link.commands().hset(RedisKeys.ROOMS, room.id().value(), RoomCodec.encode(room)));
  }

  @Override
  public void delete(RoomId id) {
    calls.await(link.commands().hdel(RedisKeys.ROOMS, id.value()));
  }

  private static Optional<Room> decode(String id, String value) {
    try {
      return Optional.of(RoomCodec.decode(id, value));
    } catch (IllegalArgumentException | QueueException e) {
      LOG.log(Level.WARNING, "room {0} in the store does not decode; skipped: {1}", id, e);
      return Optional.empty();
    }
  }
}
