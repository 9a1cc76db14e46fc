package io.queuegate.it;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The mirror's properties on a real standalone Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisStandaloneMirrorPropertyIT extends MirrorPropertySuite {
  private final RedisServer server = RedisServers.standalone();
  private final RedisClient client = RedisClient.create("redis://" + server.address());
  private final StatefulRedisConnection<String, String> connection = client.connect();

  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(RedisEnv.standalone(server.address()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }

  @Override
  protected RedisClusterCommands<String, String> redis() {
    return connection.sync();
  }

  @Override
  protected RedisServer nodeOf(String event) {
    return server;
  }

  @AfterAll
  void closeConnection() {
    connection.close();
    client.shutdown();
  }
}
