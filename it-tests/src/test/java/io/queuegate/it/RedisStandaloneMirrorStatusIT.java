package io.queuegate.it;

import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;

/** Status from the line mirror on a real standalone Redis. */
class RedisStandaloneMirrorStatusIT extends MirrorStatusSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }

  @Override
  protected boolean countsStoreCommands() {
    return true;
  }
}
