package io.queuegate.domain.port.in;

import io.queuegate.domain.model.RoomId;

/** Removes a room; its paths pass the gate freely from then on. Deleting twice is no error. */
public interface DeleteRoomUseCase {

  void delete(RoomId id);
}
