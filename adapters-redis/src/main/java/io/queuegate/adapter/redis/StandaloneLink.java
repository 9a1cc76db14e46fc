package io.queuegate.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import io.lettuce.core.resource.ClientResources;
import java.util.concurrent.CompletionStage;

/**
 * One standalone server (with replicas through lettuce's MasterReplica when reads may go to them).
 */
final class StandaloneLink implements RedisLink {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  // Only with join durability: WAIT blocks the connection it runs on.
  private final StatefulRedisConnection<String, String> waiting;
  private final String description;

  StandaloneLink(RedisSettings settings, ClientResources resources) {
    RedisURI uri = RedisUris.of(settings.nodes().get(0), settings);
    this.client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
            .build());
    StatefulRedisConnection<String, String> shared = null;
    try {
      shared = connect(settings, uri, settings.readFrom());
      this.connection = shared;
      this.waiting =
          settings.joinDurability() == RedisSettings.JoinDurability.REPLICA
              ? connect(settings, uri, RedisSettings.ReadFrom.UPSTREAM)
              : null;
    } catch (RuntimeException e) {
      if (shared != null) {
        shared.close();
      }
      client.shutdown();
      throw RedisCalls.unavailable(e);
    }
    this.description =
        "standalone " + uri.getHost() + ":" + uri.getPort() + " readFrom=" + settings.readFrom();
  }

  private StatefulRedisConnection<String, String> connect(
      RedisSettings settings, RedisURI uri, RedisSettings.ReadFrom readFrom) {
    if (settings.readFrom() != RedisSettings.ReadFrom.REPLICA_PREFERRED) {
      return client.connect(StringCodec.UTF8, uri);
    }
    // Through MasterReplica even for writes only: it finds the primary wherever the URI points.
    StatefulRedisMasterReplicaConnection<String, String> replicated =
        MasterReplica.connect(client, StringCodec.UTF8, uri);
    replicated.setReadFrom(
        readFrom == RedisSettings.ReadFrom.REPLICA_PREFERRED
            ? ReadFrom.REPLICA_PREFERRED
            : ReadFrom.UPSTREAM);
    return replicated;
  }

  @Override
  public RedisClusterAsyncCommands<String, String> commands() {
    return connection.async();
  }

  @Override
  public RedisClusterAsyncCommands<String, String> slotOwner(String key) {
    return connection.async();
  }

  @Override
  public RedisClusterAsyncCommands<String, String> waitingConnection(String key) {
    if (waiting == null) {
      throw new IllegalStateException("joins are not durable: no waiting connection");
    }
    return waiting.async();
  }

  @Override
  public CompletionStage<String> loadScript(String body) {
    return connection.async().scriptLoad(body);
  }

  @Override
  public String describeTopology() {
    return description;
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
