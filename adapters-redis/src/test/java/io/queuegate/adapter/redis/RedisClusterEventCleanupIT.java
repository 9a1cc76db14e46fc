package io.queuegate.adapter.redis;

/** How an event's keys go, on Redis cluster. */
class RedisClusterEventCleanupIT extends EventCleanupIT {
  @Override
  protected RedisSettings.Mode mode() {
    return RedisSettings.Mode.CLUSTER;
  }
}
