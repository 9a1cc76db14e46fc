package io.queuegate.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The servers shared by every Redis test in one JVM: one standalone server and one six-node
 * cluster, each started on first use (a cluster takes seconds) and stopped when the JVM exits.
 */
public final class RedisServers {
  private static RedisServer standalone;
  private static RedisCluster cluster;
  private static boolean hookInstalled;

  private RedisServers() {}

  public static synchronized RedisServer standalone() {
    if (standalone == null) {
      RedisBinaries.require();
      RedisServer server =
          new RedisServer(RedisServer.freePort(), tempDir("standalone"), List.of());
      server.start();
      standalone = server;
      installHook();
    }
    return standalone;
  }

  public static synchronized RedisCluster cluster() {
    if (cluster == null) {
      RedisBinaries.require();
      cluster = RedisCluster.start(tempDir("cluster"));
      installHook();
    }
    return cluster;
  }

  /** A directory of its own for one server set's logs and cluster files. */
  public static Path tempDir(String name) {
    try {
      return Files.createTempDirectory("queuegate-redis-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every shared server; runs at JVM exit and when the test run ends. */
  public static synchronized void stopAll() {
    if (standalone != null) {
      standalone.stop();
      standalone = null;
    }
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  private static void installHook() {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(RedisServers::stopAll, "redis-servers-stop"));
      hookInstalled = true;
    }
  }
}
