package io.queuegate.it;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.queuegate.adapter.redis.RedisBinaries;
import io.queuegate.adapter.redis.RedisCluster;
import io.queuegate.adapter.redis.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A six-node Redis Cluster of the drill's own (the Redis tests' {@link RedisCluster}, with a node
 * timeout of the drill's choosing), so a primary can be killed without disturbing the cluster the
 * other tests share. Answers which primary serves a slot, from whichever node is still alive.
 */
final class DrillCluster implements AutoCloseable {
  private final RedisCluster nodes;
  private final RedisClient client = RedisClient.create();
  private final List<String> dead = new ArrayList<>();

  private DrillCluster(RedisCluster nodes) {
    this.nodes = nodes;
  }

  /** Starts and joins the nodes; {@code nodeTimeout} is how long until a silent primary fails. */
  static DrillCluster start(Duration nodeTimeout) {
    RedisBinaries.require();
    return new DrillCluster(RedisCluster.start(RedisServers.tempDir("drill-cluster"), nodeTimeout));
  }

  List<String> addresses() {
    return nodes.addresses();
  }

  /** The slot of {@code key}, by CLUSTER KEYSLOT on a live node. */
  long keySlot(String key) {
    return onLiveNode(c -> c.sync().clusterKeyslot(key));
  }

  /** The address of the primary that serves {@code slot} now, from CLUSTER NODES. */
  Optional<String> primaryOf(long slot) {
    String view = onLiveNode(c -> c.sync().clusterNodes());
    for (String line : view.split("\n")) {
      String[] f = line.trim().split(" ");
      if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
        continue;
      }
      for (int i = 8; i < f.length; i++) {
        if (f[i].startsWith("[")) {
          continue;
        }
        String[] range = f[i].split("-");
        long from = Long.parseLong(range[0]);
        long to = range.length > 1 ? Long.parseLong(range[1]) : from;
        if (slot >= from && slot <= to) {
          return Optional.of(f[1].substring(0, f[1].indexOf('@')));
        }
      }
    }
    return Optional.empty();
  }

  /** kill -9 of the node at {@code address}. */
  void kill(String address) {
    nodes.node(address).stop();
    dead.add(address);
  }

  private <T> T onLiveNode(Function<StatefulRedisConnection<String, String>, T> call) {
    RuntimeException last = null;
    for (String address : nodes.addresses()) {
      if (dead.contains(address)) {
        continue;
      }
      RedisURI uri =
          RedisURI.builder()
              .withHost("127.0.0.1")
              .withPort(nodes.node(address).port())
              .withTimeout(Duration.ofSeconds(2))
              .build();
      try (StatefulRedisConnection<String, String> c = client.connect(uri)) {
        return call.apply(c);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new AssertionError("no live cluster node answered", last);
  }

  @Override
  public void close() {
    nodes.close();
    client.shutdown();
  }
}
