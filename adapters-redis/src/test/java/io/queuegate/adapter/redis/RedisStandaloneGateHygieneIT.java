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
  void afterAGateWorkload_onlyTheRoomsAndTheCountersHaveNoTtl() {
    gateWorkload_leavesOnlyKeysWithATtl_butTheRoomsAndTheCounters();
  }

  @Test
  void deletingTheLastRoom_removesTheRoomsKey() {
    lastRoomDeleted_leavesNoRoomsKey();
  }
}
