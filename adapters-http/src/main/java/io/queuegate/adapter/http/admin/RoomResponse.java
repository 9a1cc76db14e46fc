package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.Room;
import java.util.List;

/** A room as the operator API shows it; the same fields as {@link RoomRequest}, plus its id. */
record RoomResponse(
    String roomId,
    String host,
    List<String> pathPrefixes,
    List<String> bypass,
    String eventId,
    String mode,
    String storeOutage,
    long idleTimeoutSec,
    long hardCapSec,
    List<String> completionPaths) {

  static RoomResponse from(Room room) {
    return new RoomResponse(
        room.id().value(),
        room.host().value(),
        values(room.pathPrefixes()),
        values(room.bypass()),
        room.eventId().value(),
        room.mode().wireName(),
        room.storeOutage().wireName(),
        room.idleTimeout().toSeconds(),
        room.hardCap().toSeconds(),
        values(room.completionPaths()));
  }

  private static List<String> values(List<PathPattern> patterns) {
    return patterns.stream().map(PathPattern::value).toList();
  }
}
