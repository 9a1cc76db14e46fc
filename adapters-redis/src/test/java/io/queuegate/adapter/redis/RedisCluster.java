package io.queuegate.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Six local redis-server processes made into a cluster of three primaries with one replica each.
 */
public final class RedisCluster implements AutoCloseable {
  private static final Duration READY_LIMIT = Duration.ofSeconds(60);
  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);

  private final List<RedisServer> nodes = new ArrayList<>();

  /** Starts the nodes, creates the cluster and waits until every node reports it healthy. */
  public static RedisCluster start(Path dir) {
    return start(dir, NODE_TIMEOUT);
  }

  /** As {@link #start(Path)}; {@code nodeTimeout} is how long until a silent primary fails over. */
  public static RedisCluster start(Path dir, Duration nodeTimeout) {
    RedisCluster cluster = new RedisCluster();
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

  public List<String> addresses() {
    return nodes.stream().map(RedisServer::address).toList();
  }

  public List<Integer> ports() {
    return nodes.stream().map(RedisServer::port).toList();
  }

  /** The node listening at {@code address} ("127.0.0.1:port"), e.g. to kill it in a drill. */
  public RedisServer node(String address) {
    return nodes.stream()
        .filter(n -> n.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + address));
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
      throw new AssertionError("interrupted while creating the cluster", e);
    }
    try (RedisAdmin admin = RedisAdmin.forNodes(ports())) {
      Await.until(READY_LIMIT, "cluster_state:ok on every node", admin::clusterHealthy);
    }
  }

  @Override
  public void close() {
    nodes.forEach(RedisServer::stop);
  }
}
