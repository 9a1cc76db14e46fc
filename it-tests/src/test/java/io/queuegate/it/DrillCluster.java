package io.queuegate.it;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisAdmin;
import io.queuegate.adapter.redis.RedisBinaries;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A six-node Redis Cluster of the drill's own (three primaries, one replica each), so a primary can
 * be killed without disturbing the cluster the other tests share.
 */
final class DrillCluster implements AutoCloseable {
  private final List<RedisServer> nodes = new ArrayList<>();
  private final RedisClient client = RedisClient.create();
  private final List<String> dead = new ArrayList<>();

  /** Starts and joins the nodes; {@code nodeTimeout} is how long until a silent primary fails. */
  static DrillCluster start(Duration nodeTimeout) {
    RedisBinaries.require();
    Path dir = RedisServers.tempDir("drill-cluster");
    DrillCluster cluster = new DrillCluster();
    try {
      for (int i = 0; i < 6; i++) {
        int port = RedisServer.freePort();
        RedisServer node =
            new RedisServer(
                port,
                dir,
                List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", dir.resolve("nodes-" + port + ".conf").toString(),
                    "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis())));
        node.start();
        cluster.nodes.add(node);
      }
      cluster.create();
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  List<String> addresses() {
    return nodes.stream().map(RedisServer::address).toList();
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of(RedisBinaries.cli(), "--cluster", "create"));
    command.addAll(addresses());
    command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(
            "redis-cli --cluster create failed:\n" + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    try (RedisAdmin admin = RedisAdmin.forNodes(nodes.stream().map(RedisServer::port).toList())) {
      Await.until(Duration.ofSeconds(60), "a healthy drill cluster", admin::clusterHealthy);
    }
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
    nodes.stream()
        .filter(n -> n.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + address))
        .stop();
    dead.add(address);
  }

  private <T> T onLiveNode(Function<StatefulRedisConnection<String, String>, T> call) {
    RuntimeException last = null;
    for (RedisServer node : nodes) {
      if (dead.contains(node.address())) {
        continue;
      }
      RedisURI uri =
          RedisURI.builder()
              .withHost("127.0.0.1")
              .withPort(node.port())
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
    nodes.forEach(RedisServer::stop);
    client.shutdown();
  }
}
