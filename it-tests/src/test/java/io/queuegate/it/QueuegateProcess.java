package io.queuegate.it;

import io.queuegate.adapter.redis.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A queuegate instance in a JVM of its own ({@code io.queuegate.app.Main} on this test's
 * classpath), so that a crash is a real kill -9 of a process and not a polite close.
 */
final class QueuegateProcess implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  final Api api;

  private QueuegateProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.api = new Api(URI.create("http://127.0.0.1:" + port), ServiceHarness.ADMIN_TOKEN);
  }

  /** Starts Main with the same test defaults as {@link ServiceHarness} plus {@code overrides}. */
  static QueuegateProcess start(Map<String, String> overrides) {
    return start(overrides, "256m");
  }

  /** The same with a heap of at most {@code maxHeap} ({@code -Xmx}), for benchmarks. */
  static QueuegateProcess start(Map<String, String> overrides, String maxHeap) {
    int port = freePort();
    Map<String, String> env = new HashMap<>(ServiceHarness.NO_LIMITS);
    env.put("QUEUEGATE_ADMIN_TOKEN", ServiceHarness.ADMIN_TOKEN);
    env.put("SERVER_HOST", "127.0.0.1");
    env.putAll(overrides);
    env.put("SERVER_PORT", Integer.toString(port));
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      Path log = Files.createTempFile("queuegate-instance-" + port + "-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx" + maxHeap,
                      "-cp",
                      System.getProperty("java.class.path"),
                      "io.queuegate.app.Main"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      QueuegateProcess started = new QueuegateProcess(builder.start(), log, port);
      started.awaitHealthy();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitHealthy() {
    Await.until(
        START_LIMIT,
        "queuegate process to answer /healthz (log: " + log + ")",
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("queuegate process exited; log: " + log);
          }
          return api.get("/healthz").status() == 200;
        });
  }

  /** kill -9: no shutdown hook runs, nothing pending is flushed. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
