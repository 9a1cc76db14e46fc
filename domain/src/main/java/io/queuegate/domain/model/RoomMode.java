package io.queuegate.domain.model;

import java.util.Locale;

/**
 * How a room treats visitors without a session: {@link #QUEUE} lines them up when the line is
 * needed; {@link #PASSTHROUGH} lets everybody in but counts them as admitted; {@link #REJECT}
 * refuses everybody, sessions included; {@link #QUEUE_ALL} lines everybody up and admits nobody,
 * while sessions already given stay valid.
 */
public enum RoomMode {
  QUEUE,
  PASSTHROUGH,
  REJECT,
  QUEUE_ALL;

  /** The name on the wire and in the store: {@code queue}, {@code queue_all} and so on. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws InvalidRoom for a name that is not a mode
   */
  public static RoomMode parse(String raw) {
    for (RoomMode mode : values()) {
      if (mode.wireName().equals(raw)) {
        return mode;
      }
    }
    throw new InvalidRoom(RoomField.MODE, "must be queue, passthrough, reject or queue_all");
  }
}
