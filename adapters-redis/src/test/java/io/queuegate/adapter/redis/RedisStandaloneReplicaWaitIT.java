package io.queuegate.adapter.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Durable joins with a stalled replica, on a standalone primary with one replica of its own (the
 * shared standalone server has none).
 */
class RedisStandaloneReplicaWaitIT extends ReplicaWaitIT {
  private static RedisServer primary;
  private static RedisServer replica;
  private static RedisAdmin admin;

  @BeforeAll
  static void startPrimaryAndReplica() {
    RedisBinaries.require();
    Path dir = RedisServers.tempDir("replicated");
    primary =
        new RedisServer(RedisServer.freePort(), dir, List.of("--repl-diskless-sync-delay", "0"));
    primary.start();
    replica =
        new RedisServer(
            RedisServer.freePort(),
            dir,
            List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
    replica.start();
    admin = RedisAdmin.forNodes(List.of(primary.port(), replica.port()));
    Await.until(
        Duration.ofSeconds(20),
        "the replica linked to its primary",
        () -> admin.node(replica.port()).info("replication").contains("master_link_status:up"));
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    if (replica != null) {
      replica.stop();
    }
    if (primary != null) {
      primary.stop();
    }
  }

  @Override
  protected RedisSettings settings() {
    return RedisSettings.standalone(primary.address());
  }

  @Override
  protected RedisAdmin admin() {
    return admin;
  }

  @Override
  protected RedisServer replicaOf(int primaryPort) {
    return replica;
  }
}
