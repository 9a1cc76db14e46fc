package io.queuegate.adapter.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gate's key hygiene on Redis cluster. */
@ExtendWith(RedisExtension.class)
class RedisClusterGateHygieneIT extends GateHygieneIT {
  @Override
  protected RedisSettings.Mode mode() {
    return RedisSettings.Mode.CLUSTER;
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
