package io.queuegate.it;

import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;

/** The public log of a whole sale, verified, on a real standalone Redis. */
class RedisStandaloneAdmissionLogIT extends AdmissionLogSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }
}
