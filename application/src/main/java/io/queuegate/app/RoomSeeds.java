package io.queuegate.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.OutagePolicy;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the rooms file: {@code rooms:} followed by a list of rooms with the operator API's fields
 * in configuration spelling ({@code path-prefixes}, {@code idle-timeout: PT10M} and so on). A file
 * that does not read or holds a bad room stops the start, naming the room.
 */
final class RoomSeeds {
  private RoomSeeds() {}

  static List<Room> read(String file) {
    if (file.isBlank()) {
      return List.of();
    }
    Path path = Path.of(file.trim());
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("queuegate.gate.rooms-file cannot be read: " + path);
    }
    Config root =
        Config.builder()
            .disableEnvironmentVariablesSource()
            .disableSystemPropertiesSource()
            .addSource(ConfigSources.file(path))
            .build();
    List<Room> rooms = new ArrayList<>();
    for (Config node : root.get("rooms").asNodeList().orElse(List.of())) {
      String id = node.get("id").asString().orElse("");
      try {
        rooms.add(room(node, id));
      } catch (QueueException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "room '" + id + "' in " + path + " is not valid: " + e.getMessage(), e);
      }
    }
    return rooms;
  }

  private static Room room(Config node, String id) {
    Room.Builder room =
        Room.builder(
                new RoomId(id),
                HostPattern.parse(node.get("host").asString().orElse(null)),
                EventId.parse(node.get("event-id").asString().orElse(null)))
            .pathPrefixes(
                list(node, "path-prefixes", p -> PathPattern.prefix(p, RoomField.PATH_PREFIXES)))
            .bypass(list(node, "bypass", PathPattern::bypass))
            .completionPaths(
                list(
                    node,
                    "completion-paths",
                    p -> PathPattern.prefix(p, RoomField.COMPLETION_PATHS)));
    node.get("mode").asString().map(RoomMode::parse).ifPresent(room::mode);
    node.get("store-outage").asString().map(OutagePolicy::parse).ifPresent(room::storeOutage);
    if (node.get("idle-timeout").exists()) {
      room.idleTimeout(SettingsMapper.duration(node.get("idle-timeout")));
    }
    if (node.get("hard-cap").exists()) {
      room.hardCap(SettingsMapper.duration(node.get("hard-cap")));
    }
    return room.build();
  }

  private static List<PathPattern> list(
      Config node, String key, Function<String, PathPattern> parse) {
    return node.get(key).asList(String.class).orElse(List.of()).stream().map(parse).toList();
  }
}
