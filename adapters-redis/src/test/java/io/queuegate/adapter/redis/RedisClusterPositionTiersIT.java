package io.queuegate.adapter.redis;

/** Position tiers on Redis Cluster, where the SCAN runs on the slot owner only. */
class RedisClusterPositionTiersIT extends PositionTiersIT {
  @Override
  protected RedisSettings.Mode mode() {
    return RedisSettings.Mode.CLUSTER;
  }
}
