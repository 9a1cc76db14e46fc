package io.queuegate.domain.model;

/**
 * Names one room of the gate. The same alphabet as an event id ({@code A-Z a-z 0-9 . _ -}, 1 to 64
 * characters), so a room id is safe in a store key and in a cookie name.
 */
public record RoomId(String value) {
  public RoomId {
    if (!EventId.isWellFormed(value)) {
      throw new InvalidRoom(RoomField.ROOM_ID, "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
