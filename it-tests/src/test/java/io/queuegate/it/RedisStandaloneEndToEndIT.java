package io.queuegate.it;

import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;

/** The end-to-end flow on a real standalone Redis. */
class RedisStandaloneEndToEndIT extends EndToEndSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }
}
