package io.queuegate.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One real redis-server process on a local port, without persistence. KEYS stays enabled, so that
 * INFO commandstats counts a KEYS from the store and the hygiene tests can see it. Can be stopped
 * and started again on the same port.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(20);

  private final int port;
  private final Path dir;
  private final List<String> extraArgs;
  private Process process;

  public RedisServer(int port, Path dir, List<String> extraArgs) {
    this.port = port;
    this.dir = dir;
    this.extraArgs = List.copyOf(extraArgs);
  }

  public int port() {
    return port;
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  /** Starts the process and waits until the port accepts connections. */
  public synchronized void start() {
    List<String> command =
        new ArrayList<>(
            List.of(
                RedisBinaries.server(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString(),
                "--logfile",
                dir.resolve("redis-" + port + ".log").toString(),
                "--daemonize",
                "no"));
    command.addAll(extraArgs);
    try {
      Files.createDirectories(dir);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server on port " + port, e);
    }
    Process started = process;
    Await.until(
        START_LIMIT,
        "redis-server on port " + port,
        () -> {
          if (!started.isAlive()) {
            throw new AssertionError("redis-server on port " + port + " exited; see " + dir);
          }
          return accepts(port);
        });
  }

  /** Kills the process (like a crash) and waits until it is gone. */
  public synchronized void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /**
   * Stops the process without killing it (SIGSTOP): connections stay open and commands wait, as
   * with a server stalled or a host that froze. Undo with {@link #thaw}.
   */
  public synchronized void freeze() {
    signal("-STOP");
  }

  /** Lets a frozen process go on (SIGCONT). */
  public synchronized void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    if (process == null) {
      throw new IllegalStateException("redis-server on port " + port + " is not running");
    }
    try {
      Process kill =
          new ProcessBuilder("kill", signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " failed for port " + port);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling redis-server", e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** A port that is free now, with its cluster bus port (port + 10000) free as well. */
  public static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = 20_000 + (int) (Math.random() * 20_000);
      if (bindable(candidate) && bindable(candidate + 10_000)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no free port pair found");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return socket.isConnected();
    } catch (IOException e) {
      return false;
    }
  }
}
