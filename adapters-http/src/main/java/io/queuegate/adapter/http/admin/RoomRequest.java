package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.InvalidRoom;
import io.queuegate.domain.model.OutagePolicy;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomMode;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Body of {@code PUT /api/v1/admin/rooms/{room_id}}: the whole room (a PUT replaces it). {@code
 * host}, {@code path_prefixes} and {@code event_id} are required; the rest take their defaults.
 */
record RoomRequest(
    String host,
    List<String> pathPrefixes,
    List<String> bypass,
    String eventId,
    String mode,
    String storeOutage,
    Long idleTimeoutSec,
    Long hardCapSec,
    List<String> completionPaths) {

  Room toRoom(RoomId id) {
    if (host == null) {
      throw new InvalidRoom(RoomField.HOST, "is required");
    }
    if (pathPrefixes == null) {
      throw new InvalidRoom(RoomField.PATH_PREFIXES, "is required");
    }
    Room.Builder room =
        Room.builder(id, HostPattern.parse(host), EventId.parse(eventId))
            .pathPrefixes(each(pathPrefixes, p -> PathPattern.prefix(p, RoomField.PATH_PREFIXES)));
    if (bypass != null) {
      room.bypass(each(bypass, PathPattern::bypass));
    }
    if (mode != null) {
      room.mode(RoomMode.parse(mode));
    }
    if (storeOutage != null) {
      room.storeOutage(OutagePolicy.parse(storeOutage));
    }
    if (idleTimeoutSec != null) {
      room.idleTimeout(seconds(idleTimeoutSec, RoomField.IDLE_TIMEOUT));
    }
    if (hardCapSec != null) {
      room.hardCap(seconds(hardCapSec, RoomField.HARD_CAP));
    }
    if (completionPaths != null) {
      room.completionPaths(
          each(completionPaths, p -> PathPattern.prefix(p, RoomField.COMPLETION_PATHS)));
    }
    return room.build();
  }

  private static Duration seconds(long value, RoomField field) {
    if (value < 1 || value > Room.MAX_DURATION.toSeconds()) {
      throw new InvalidRoom(field, "must be 1 to " + Room.MAX_DURATION.toSeconds() + " seconds");
    }
    return Duration.ofSeconds(value);
  }

  private static List<PathPattern> each(List<String> raw, Function<String, PathPattern> parse) {
    return raw.stream().map(parse).toList();
  }
}
