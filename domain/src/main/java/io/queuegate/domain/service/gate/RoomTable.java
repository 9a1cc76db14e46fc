package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.RequestPath;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable set of rooms, indexed for matching: the most specific host wins (an exact name over
 * any wildcard, a longer wildcard over a shorter one), then the longest covering prefix, then the
 * smaller room id, so the choice never depends on order.
 */
final class RoomTable {
  static final RoomTable EMPTY = new RoomTable(List.of());

  private final Map<RoomId, Room> byId = new HashMap<>();
  private final Map<String, List<Room>> byExactHost = new HashMap<>();
  private final List<Room> wildcards = new ArrayList<>();

  RoomTable(List<Room> rooms) {
    for (Room room : rooms) {
      byId.put(room.id(), room);
      if (room.host().value().startsWith("*.")) {
        wildcards.add(room);
      } else {
        byExactHost.computeIfAbsent(room.host().value(), h -> new ArrayList<>()).add(room);
      }
    }
  }

  /** The room for a request to {@code host} (normalised) and {@code path}. */
  Optional<Room> match(String host, RequestPath path) {
    Room exact = best(byExactHost.getOrDefault(host, List.of()), host, path);
    return Optional.ofNullable(exact != null ? exact : best(wildcards, host, path));
  }

  Optional<Room> find(RoomId id) {
    return Optional.ofNullable(byId.get(id));
  }

  List<Room> rooms() {
    return List.copyOf(byId.values());
  }

  RoomTable with(Room room) {
    Map<RoomId, Room> rooms = new HashMap<>(byId);
    rooms.put(room.id(), room);
    return new RoomTable(List.copyOf(rooms.values()));
  }

  RoomTable without(RoomId id) {
    Map<RoomId, Room> rooms = new HashMap<>(byId);
    rooms.remove(id);
    return new RoomTable(List.copyOf(rooms.values()));
  }

  /** The events any room is bound to. */
  Set<EventId> events() {
    return byId.values().stream().map(Room::eventId).collect(Collectors.toUnmodifiableSet());
  }

  /** The longest hard cap among the rooms of {@code eventId}: how long its revocations matter. */
  Duration longestHardCap(EventId eventId) {
    return byId.values().stream()
        .filter(room -> room.eventId().equals(eventId))
        .map(Room::hardCap)
        .max(Duration::compareTo)
        .orElse(Room.MAX_DURATION);
  }

  private static Room best(List<Room> candidates, String host, RequestPath path) {
    Room best = null;
    int bestHost = -1;
    int bestCoverage = -1;
    for (Room room : candidates) {
      if (!room.host().matches(host)) {
        continue;
      }
      int coverage = room.coverage(path);
      if (coverage < 0) {
        continue;
      }
      int hostScore = room.host().specificity();
      boolean better =
          best == null
              || hostScore > bestHost
              || (hostScore == bestHost && coverage > bestCoverage)
              || (hostScore == bestHost
                  && coverage == bestCoverage
                  && room.id().value().compareTo(best.id().value()) < 0);
      if (better) {
        best = room;
        bestHost = hostScore;
        bestCoverage = coverage;
      }
    }
    return best;
  }
}
