package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.OutagePolicy;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A room as one hash value: {@code name=value} lines, lists separated by spaces. No value can hold
 * a line break or a space (the domain refuses them in hosts and paths), so no escaping is needed.
 * The first line is a version, so a later layout can still read this one.
 */
final class RoomCodec {
  private static final String VERSION = "v=1";

  private RoomCodec() {}

  static String encode(Room room) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("host", room.host().value());
    fields.put("prefixes", join(room.pathPrefixes()));
    fields.put("bypass", join(room.bypass()));
    fields.put("event", room.eventId().value());
    fields.put("mode", room.mode().wireName());
    fields.put("store_outage", room.storeOutage().wireName());
    fields.put("idle_ms", Long.toString(room.idleTimeout().toMillis()));
    fields.put("cap_ms", Long.toString(room.hardCap().toMillis()));
    fields.put("completion", join(room.completionPaths()));
    StringBuilder text = new StringBuilder(VERSION);
    fields.forEach((name, value) -> text.append('\n').append(name).append('=').append(value));
    return text.toString();
  }

  /**
   * @throws IllegalArgumentException or a domain failure when the value is not a room of this
   *     layout
   */
  static Room decode(String id, String encoded) {
    String[] lines = encoded.split("\n", -1);
    if (!lines[0].equals(VERSION)) {
      throw new IllegalArgumentException("unknown room layout: " + lines[0]);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int eq = lines[i].indexOf('=');
      fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
    }
    return Room.builder(
            new RoomId(id), new HostPattern(fields.get("host")), new EventId(fields.get("event")))
        .pathPrefixes(
            split(fields.get("prefixes"), p -> PathPattern.prefix(p, RoomField.PATH_PREFIXES)))
        .bypass(split(fields.get("bypass"), PathPattern::bypass))
        .mode(RoomMode.parse(fields.get("mode")))
        .storeOutage(OutagePolicy.parse(fields.get("store_outage")))
        .idleTimeout(Duration.ofMillis(Long.parseLong(fields.get("idle_ms"))))
        .hardCap(Duration.ofMillis(Long.parseLong(fields.get("cap_ms"))))
        .completionPaths(
            split(fields.get("completion"), p -> PathPattern.prefix(p, RoomField.COMPLETION_PATHS)))
        .build();
  }

  private static String join(List<PathPattern> patterns) {
    return String.join(" ", patterns.stream().map(PathPattern::value).toList());
  }

  private static List<PathPattern> split(String value, Function<String, PathPattern> parse) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(value.split(" ")).map(parse).toList();
  }
}
