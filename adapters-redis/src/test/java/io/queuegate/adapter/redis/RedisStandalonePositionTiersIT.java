package io.queuegate.adapter.redis;

/** Position tiers on Redis standalone. */
class RedisStandalonePositionTiersIT extends PositionTiersIT {
  @Override
  protected RedisSettings.Mode mode() {
    return RedisSettings.Mode.STANDALONE;
  }
}
