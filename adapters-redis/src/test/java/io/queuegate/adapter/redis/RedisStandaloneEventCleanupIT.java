package io.queuegate.adapter.redis;

/** How an event's keys go, on Redis standalone. */
class RedisStandaloneEventCleanupIT extends EventCleanupIT {
  @Override
  protected RedisSettings.Mode mode() {
    return RedisSettings.Mode.STANDALONE;
  }
}
