package io.queuegate.adapter.redis;

import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.queuegate.domain.model.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Redis Cluster through one RedisClusterClient, with periodic and adaptive topology refresh. */
final class ClusterLink implements RedisLink {
  private static final Duration TOPOLOGY_PERIOD = Duration.ofSeconds(30);

  private final RedisClusterClient client;
  private final StatefulRedisClusterConnection<String, String> connection;
  // Only with join durability: a second set of node connections, since WAIT blocks the one it runs
  // on.
  private final StatefulRedisClusterConnection<String, String> waiting;

  ClusterLink(RedisSettings settings, ClientResources resources) {
    List<RedisURI> seeds = settings.nodes().stream().map(n -> RedisUris.of(n, settings)).toList();
    this.client = RedisClusterClient.create(resources, seeds);
    client.setOptions(
        ClusterClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClusterClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enablePeriodicRefresh(TOPOLOGY_PERIOD)
                    // Every adaptive trigger (moved or asked slots, lost or unknown nodes) is on
                    // by default since lettuce 7, which deprecates switching them on one by one.
                    .build())
            .build());
    StatefulRedisClusterConnection<String, String> shared = null;
    try {
      shared = client.connect(StringCodec.UTF8);
      this.connection = shared;
      this.waiting =
          settings.joinDurability() == RedisSettings.JoinDurability.REPLICA
              ? client.connect(StringCodec.UTF8)
              : null;
    } catch (RuntimeException e) {
      if (shared != null) {
        shared.close();
      }
      client.shutdown();
      throw RedisCalls.unavailable(e);
    }
    connection.setReadFrom(
        settings.readFrom() == RedisSettings.ReadFrom.REPLICA_PREFERRED
            ? ReadFrom.REPLICA_PREFERRED
            : ReadFrom.UPSTREAM);
    warmUp(settings);
  }

  /**
   * Opens the per-node connections now rather than on the first request, which would otherwise pay
   * for the connect inside its command timeout. Best effort: a node that is down now is retried on
   * demand later.
   */
  private void warmUp(RedisSettings settings) {
    long limit = settings.commandTimeout().toMillis() * 4;
    try {
      awaitAll(connection.async().upstream().commands().ping().futures(), limit);
      if (waiting != null) {
        awaitAll(waiting.async().upstream().commands().ping().futures(), limit);
      }
      if (settings.readFrom() == RedisSettings.ReadFrom.REPLICA_PREFERRED) {
        awaitAll(
            connection
                .async()
                .readonly(n -> n.is(RedisClusterNode.NodeFlag.REPLICA))
                .commands()
                .ping()
                .futures(),
            limit);
      }
    } catch (RuntimeException e) {
      // Not fatal: commands open the connections they need.
    }
  }

  private static void awaitAll(CompletableFuture<String>[] pings, long limitMillis) {
    CompletableFuture.allOf(pings)
        .completeOnTimeout(null, limitMillis, TimeUnit.MILLISECONDS)
        .join();
  }

  @Override
  public RedisClusterAsyncCommands<String, String> commands() {
    return connection.async();
  }

  @Override
  public RedisClusterAsyncCommands<String, String> slotOwner(String key) {
    return ownerOn(connection, key);
  }

  @Override
  public RedisClusterAsyncCommands<String, String> waitingConnection(String key) {
    if (waiting == null) {
      throw new IllegalStateException("joins are not durable: no waiting connections");
    }
    return ownerOn(waiting, key);
  }

  /** By host and port: the connection of {@code cluster} that slot-routed writes to it use. */
  private static RedisClusterAsyncCommands<String, String> ownerOn(
      StatefulRedisClusterConnection<String, String> cluster, String key) {
    RedisClusterNode owner = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
    if (owner == null) {
      throw new StoreUnavailableException("no Redis node serves the slot of " + key, null);
    }
    RedisURI uri = owner.getUri();
    return RedisCalls.guard(() -> cluster.getConnection(uri.getHost(), uri.getPort()).async());
  }

  @Override
  public boolean slotOwnerHasReplica(String key) {
    Partitions partitions = connection.getPartitions();
    RedisClusterNode owner = partitions.getMasterBySlot(SlotHash.getSlot(key));
    if (owner == null) {
      return true; // no owner: slotOwner fails the call as unavailable anyway
    }
    return partitions.stream()
        .anyMatch(
            n ->
                owner.getNodeId().equals(n.getSlaveOf())
                    && n.isConnected()
                    && !n.is(RedisClusterNode.NodeFlag.FAIL)
                    && !n.is(RedisClusterNode.NodeFlag.EVENTUAL_FAIL));
  }

  @Override
  public CompletionStage<String> loadScript(String body) {
    // The advanced cluster API loads the script on every node, replicas included.
    return connection.async().scriptLoad(body);
  }

  @Override
  public String describeTopology() {
    List<RedisClusterNode> nodes = connection.getPartitions().getPartitions();
    String shards =
        nodes.stream()
            .filter(n -> n.is(RedisClusterNode.NodeFlag.UPSTREAM))
            .map(
                primary -> {
                  long replicas =
                      nodes.stream()
                          .filter(n -> primary.getNodeId().equals(n.getSlaveOf()))
                          .count();
                  return primary.getUri().getHost()
                      + ":"
                      + primary.getUri().getPort()
                      + " slots="
                      + primary.getSlots().size()
                      + " replicas="
                      + replicas;
                })
            .sorted()
            .collect(Collectors.joining("; "));
    return "cluster shards=[" + shards + "] readFrom=" + connection.getReadFrom();
  }

  @Override
  public void close() {
    if (waiting != null) {
      waiting.close();
    }
    connection.close();
    client.shutdown();
  }
}
