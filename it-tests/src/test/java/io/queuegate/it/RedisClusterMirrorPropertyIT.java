package io.queuegate.it;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.queuegate.adapter.redis.RedisCluster;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The mirror's properties on a real six-node Redis Cluster; the freeze stops the event's primary
 * for less than the cluster's node timeout (5 s), so no failover follows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterMirrorPropertyIT extends MirrorPropertySuite {
  private final RedisCluster cluster = RedisServers.cluster();
  private final RedisClusterClient client =
      RedisClusterClient.create(
          cluster.addresses().stream().map(a -> RedisURI.create("redis://" + a)).toList());
  private final StatefulRedisClusterConnection<String, String> connection = client.connect();

  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(RedisEnv.cluster(cluster.addresses()));
    env.putAll(overrides);
    return ServiceHarness.start(env);
  }

  @Override
  protected RedisClusterCommands<String, String> redis() {
    return connection.sync();
  }

  @Override
  protected RedisServer nodeOf(String event) {
    int slot = SlotHash.getSlot("queue:event:{" + event + "}:feed");
    int port = connection.getPartitions().getPartitionBySlot(slot).getUri().getPort();
    return cluster.node("127.0.0.1:" + port);
  }

  @AfterAll
  void closeConnection() {
    connection.close();
    client.shutdown();
  }
}
