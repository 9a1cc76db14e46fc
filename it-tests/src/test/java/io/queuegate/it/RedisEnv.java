package io.queuegate.it;

import java.util.List;
import java.util.Map;

/** The environment that points the service at a test Redis, as an operator would set it. */
final class RedisEnv {
  private RedisEnv() {}

  static Map<String, String> standalone(String address) {
    return Map.of(
        "QUEUEGATE_STORE", "redis",
        "QUEUEGATE_REDIS_MODE", "standalone",
        "QUEUEGATE_REDIS_NODES", "redis://" + address);
  }

  static Map<String, String> cluster(List<String> addresses) {
    return Map.of(
        "QUEUEGATE_STORE", "redis",
        "QUEUEGATE_REDIS_MODE", "cluster",
        "QUEUEGATE_REDIS_NODES", String.join(",", addresses));
  }
}
