package io.queuegate.domain.model;

/** The parts of a room an operator sets; names a refused value in an error. */
public enum RoomField {
  ROOM_ID,
  HOST,
  PATH_PREFIXES,
  BYPASS,
  EVENT_ID,
  MODE,
  STORE_OUTAGE,
  IDLE_TIMEOUT,
  HARD_CAP,
  COMPLETION_PATHS
}
