package io.queuegate.adapter.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test-side access to each node directly (never through the store under test): flushing, INFO
 * commandstats, SCAN of every key, and poking at keys to break the index on purpose.
 */
public final class RedisAdmin implements AutoCloseable {
  private final RedisClient client = RedisClient.create();
  private final List<RedisCommands<String, String>> nodes = new ArrayList<>();
  private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
  private final List<Integer> ports;

  private RedisAdmin(List<Integer> ports) {
    this.ports = List.copyOf(ports);
    for (int port : ports) {
      RedisURI uri =
          RedisURI.builder()
              .withHost("127.0.0.1")
              .withPort(port)
              .withTimeout(Duration.ofSeconds(5))
              .build();
      StatefulRedisConnection<String, String> connection = client.connect(uri);
      connections.add(connection);
      nodes.add(connection.sync());
    }
  }

  public static RedisAdmin forNodes(List<Integer> ports) {
    return new RedisAdmin(ports);
  }

  /** Whether every node reports a healthy cluster and every replica is linked to its primary. */
  public boolean clusterHealthy() {
    for (RedisCommands<String, String> node : nodes) {
      String info = node.clusterInfo();
      if (!info.contains("cluster_state:ok")
          || !info.contains("cluster_slots_ok:16384")
          || !info.contains("cluster_known_nodes:" + nodes.size())) {
        return false;
      }
      // Every node must see every other with its address, none still in handshake or failing.
      String view = node.clusterNodes();
      if (view.contains("handshake") || view.contains("noaddr") || view.contains("fail")) {
        return false;
      }
      String replication = node.info("replication");
      if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
        return false;
      }
    }
    return true;
  }

  /** The nodes that are primaries now. */
  public List<RedisCommands<String, String>> primaries() {
    return nodes.stream().filter(n -> n.info("replication").contains("role:master")).toList();
  }

  public void flushAll() {
    primaries().forEach(RedisCommands::flushall);
  }

  /** Runs {@code call} on the primary that owns {@code key}; the others answer MOVED. */
  public <T> T onOwner(String key, Function<RedisCommands<String, String>, T> call) {
    RedisCommandExecutionException last = null;
    for (RedisCommands<String, String> node : primaries()) {
      try {
        return call.apply(node);
      } catch (RedisCommandExecutionException e) {
        last = e;
      }
    }
    throw new AssertionError("no primary took the command for " + key, last);
  }

  /** The port of the primary that owns {@code key}'s slot (the others answer MOVED). */
  public int ownerPort(String key) {
    for (int i = 0; i < nodes.size(); i++) {
      RedisCommands<String, String> node = nodes.get(i);
      if (!node.info("replication").contains("role:master")) {
        continue;
      }
      try {
        node.exists(key);
        return ports.get(i);
      } catch (RedisCommandExecutionException e) {
        // MOVED: another primary owns the slot
      }
    }
    throw new AssertionError("no primary owns " + key);
  }

  /** The port of the first replica of the primary on {@code primaryPort}. */
  public int replicaPortOf(int primaryPort) {
    String replication = node(primaryPort).info("replication");
    for (String line : replication.split("\\r?\\n")) {
      if (line.startsWith("slave0:")) {
        return Integer.parseInt(line.replaceAll("^.*,port=(\\d+),.*$", "$1"));
      }
    }
    throw new AssertionError("the primary on " + primaryPort + " has no replica: " + replication);
  }

  /** How many clients the node on {@code port} holds blocked (WAIT among them). */
  public long blockedClients(int port) {
    String clients = node(port).info("clients");
    return Long.parseLong(clients.replaceAll("(?s)^.*blocked_clients:(\\d+).*$", "$1"));
  }

  /** The node on {@code port}. */
  public RedisCommands<String, String> node(int port) {
    int index = ports.indexOf(port);
    if (index < 0) {
      throw new AssertionError("no node on port " + port);
    }
    return nodes.get(index);
  }

  /** Every key on every primary, by SCAN. */
  public List<String> allKeys() {
    List<String> keys = new ArrayList<>();
    for (RedisCommands<String, String> node : primaries()) {
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = node.scan(cursor, ScanArgs.Builder.limit(500));
        keys.addAll(page.getKeys());
        cursor = page;
      } while (!cursor.isFinished());
    }
    return keys;
  }

  /** INFO commandstats summed over the primaries: command name to calls. */
  public Map<String, Long> commandCalls() {
    Map<String, Long> calls = new HashMap<>();
    for (RedisCommands<String, String> node : primaries()) {
      for (String line : node.info("commandstats").split("\r?\n")) {
        if (line.startsWith("cmdstat_")) {
          String name = line.substring("cmdstat_".length(), line.indexOf(':'));
          long count = Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*$", "$1"));
          calls.merge(name, count, Long::sum);
        }
      }
    }
    return calls;
  }

  /**
   * The calls per command since {@code before} (an earlier {@link #commandCalls}), only commands
   * called since. The counts themselves are never reset, so they always cover the whole run.
   */
  public Map<String, Long> commandCallsSince(Map<String, Long> before) {
    Map<String, Long> since = new HashMap<>();
    commandCalls()
        .forEach(
            (name, count) -> {
              long delta = count - before.getOrDefault(name, 0L);
              if (delta > 0) {
                since.put(name, delta);
              }
            });
    return since;
  }

  /** Whether every primary knows {@code command} (COMMAND INFO): a renamed-away one it does not. */
  public boolean knowsCommand(String command) {
    return primaries().stream()
        .allMatch(
            node -> {
              List<Object> info = node.commandInfo(command);
              return !info.isEmpty() && info.get(0) != null;
            });
  }

  @Override
  public void close() {
    connections.forEach(StatefulRedisConnection::close);
    client.shutdown();
  }
}
