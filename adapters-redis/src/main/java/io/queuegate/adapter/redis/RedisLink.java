package io.queuegate.adapter.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletionStage;

/**
 * The one shared connection of the process, standalone or cluster, as the store needs it: commands
 * routed by key, the primary that owns a key's slot (for SCAN), and script loading; and, only when
 * joins are durable, connections of their own for the writes that WAIT follows.
 */
interface RedisLink extends AutoCloseable {

  /** Commands routed by key (and, for read-only commands, by the read-from setting). */
  RedisClusterAsyncCommands<String, String> commands();

  /** The primary that owns {@code key}'s slot: the connection its writes went through. */
  RedisClusterAsyncCommands<String, String> slotOwner(String key);

  /**
   * A connection to the primary that owns {@code key}'s slot that only durable joins use (one per
   * node): a write and the WAIT after it run there, so while a replica lags no other command waits
   * behind the WAIT.
   *
   * @throws IllegalStateException when the link was built without join durability
   */
  RedisClusterAsyncCommands<String, String> waitingConnection(String key);

  /**
   * Whether the primary that owns {@code key}'s slot has a replica that can acknowledge a write
   * now. Standalone cannot tell without a round trip and answers true; a cluster reads its
   * topology.
   */
  default boolean slotOwnerHasReplica(String key) {
    return true;
  }

  /** Loads a script wherever EVALSHA may run it: every node in cluster mode. */
  CompletionStage<String> loadScript(String body);

  /** The mode and nodes, for the startup log. */
  String describeTopology();

  /** Closes the connection, then shuts the client down. */
  @Override
  void close();
}
