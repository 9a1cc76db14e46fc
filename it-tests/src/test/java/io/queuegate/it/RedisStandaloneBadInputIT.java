package io.queuegate.it;

import io.queuegate.adapter.redis.RedisServers;

/** The malformed-request suite on a real standalone Redis. */
class RedisStandaloneBadInputIT extends BadInputSuite {
  @Override
  protected ServiceHarness start() {
    return ServiceHarness.start(RedisEnv.standalone(RedisServers.standalone().address()));
  }
}
