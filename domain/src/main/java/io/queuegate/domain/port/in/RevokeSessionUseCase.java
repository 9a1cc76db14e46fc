package io.queuegate.domain.port.in;

import io.queuegate.domain.model.RoomId;

/** An operator ends one gate session of a room before its time. */
public interface RevokeSessionUseCase {

  /**
   * @throws io.queuegate.domain.model.RoomNotFound when there is no such room
   */
  void revoke(RoomId room, String admissionId);
}
