package io.queuegate.adapter.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gate's key hygiene on Redis standalone. */
@ExtendWith(RedisExtension.class)
class RedisStandaloneGateHygieneIT extends GateHygieneIT {
  @Override
  protected RedisSettings.Mode mode() {
    return RedisSettings.Mode.STANDALONE;
  }

  @Test
  void afterAGateWorkload_onlyTheRoomsHaveNoTtl() {
    gateWorkload_leavesOnlyKeysWithATtl_butTheRooms();
  }

  @Test
  void deletingTheLastRoom_removesTheRoomsKey() {
    lastRoomDeleted_leavesNoRoomsKey();
  }
}
