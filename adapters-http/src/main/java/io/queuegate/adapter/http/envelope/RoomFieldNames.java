package io.queuegate.adapter.http.envelope;

import io.queuegate.domain.model.RoomField;

/** The JSON name of each room field, as the operator API reads and writes it. */
final class RoomFieldNames {
  private RoomFieldNames() {}

  static String of(RoomField field) {
    return switch (field) {
      case ROOM_ID -> "room_id";
      case HOST -> "host";
      case PATH_PREFIXES -> "path_prefixes";
      case BYPASS -> "bypass";
      case EVENT_ID -> "event_id";
      case MODE -> "mode";
      case STORE_OUTAGE -> "store_outage";
      case IDLE_TIMEOUT -> "idle_timeout_sec";
      case HARD_CAP -> "hard_cap_sec";
      case COMPLETION_PATHS -> "completion_paths";
    };
  }
}
