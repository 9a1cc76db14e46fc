package io.queuegate.adapter.redis;

/** Durable joins with a stalled replica, on the shared Redis cluster. */
class RedisClusterReplicaWaitIT extends ReplicaWaitIT {
  @Override
  protected RedisSettings settings() {
    return SharedRedisStores.settings(RedisSettings.Mode.CLUSTER);
  }

  @Override
  protected RedisAdmin admin() {
    return SharedRedisStores.admin(RedisSettings.Mode.CLUSTER);
  }

  @Override
  protected RedisServer replicaOf(int primaryPort) {
    return RedisServers.cluster().node("127.0.0.1:" + admin().replicaPortOf(primaryPort));
  }
}
