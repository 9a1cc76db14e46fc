package io.queuegate.domain.port.in;

import io.queuegate.domain.model.Room;

/** Creates or replaces a room of the gate. */
public interface ConfigureRoomUseCase {

  /**
   * @return the room now in force
   * @throws io.queuegate.domain.model.InvalidRoom when it breaks a room rule
   */
  Room configure(Room room);
}
