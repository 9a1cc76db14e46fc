package io.queuegate.it;

import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;

/** A scheduled sale on a real standalone Redis. */
class RedisStandaloneScheduledSaleIT extends ScheduledSaleSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }
}
