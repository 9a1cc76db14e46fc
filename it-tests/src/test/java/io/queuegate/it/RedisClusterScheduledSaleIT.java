package io.queuegate.it;

import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;

/** A scheduled sale on a real six-node Redis Cluster (3 primaries, 3 replicas). */
class RedisClusterScheduledSaleIT extends ScheduledSaleSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(RedisEnv.cluster(RedisServers.cluster().addresses()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }
}
