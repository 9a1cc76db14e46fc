package io.queuegate.domain.port.in;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;

/** An operator's view of one room. */
public interface DescribeRoomUseCase {

  /**
   * @throws io.queuegate.domain.model.RoomNotFound when there is no such room
   */
  Room describe(RoomId id);
}
