package io.queuegate.it;

import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;

/** The public log of a whole sale, verified, on a real six-node Redis Cluster. */
class RedisClusterAdmissionLogIT extends AdmissionLogSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(RedisEnv.cluster(RedisServers.cluster().addresses()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }
}
