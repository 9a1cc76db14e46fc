package io.queuegate.it;

import static org.assertj.core.api.Assertions.fail;

import io.queuegate.adapter.redis.Await;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A reverse proxy (nginx or Caddy, from Debian's packages) run as a child process on a free port,
 * with its configuration, pid and logs in a temporary directory of its own, never in a system path.
 * Missing binaries skip the test on a workstation and fail it under {@code CI=true}.
 */
final class ProxyProcess implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(20);

  private final Process process;
  private final Path dir;
  private final int port;

  private ProxyProcess(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Where visitors reach the protected site through this proxy. */
  URI site() {
    return URI.create("http://localhost:" + port);
  }

  /** A fresh, private directory that a proxy's unprivileged workers may still use. */
  static Path workDir(String name) {
    try {
      Path dir = Files.createTempDirectory("queuegate-" + name + "-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The executable {@code name}, on the PATH or at one of {@code fallbacks}. */
  static Path tool(String name, String packageName, String... fallbacks) {
    Stream<Path> onPath =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(p -> !p.isEmpty())
            .map(p -> Path.of(p, name));
    Optional<Path> found =
        Stream.concat(onPath, Arrays.stream(fallbacks).map(Path::of))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        name + " is not installed (apt-get install " + packageName + "; scripts/test does it)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    throw new IllegalStateException("unreachable");
  }

  /**
   * Starts {@code command} in {@code dir} and waits until it accepts connections on {@code port}.
   */
  static ProxyProcess start(List<String> command, Path dir, int port, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProxyProcess proxy = new ProxyProcess(process, dir, port);
    boolean up =
        Await.within(START_LIMIT, () -> process.isAlive() && accepts(port), Boolean::booleanValue)
            .isPresent();
    if (!up) {
      String log = proxy.log();
      proxy.close();
      throw new AssertionError(command.getFirst() + " did not start:\n" + log);
    }
    return proxy;
  }

  static int freePort() {
    return io.queuegate.adapter.redis.RedisServer.freePort();
  }

  /** Replaces each key of {@code replacements} in {@code file}'s text. */
  static String configFrom(Path file, Map<String, String> replacements) {
    try {
      String text = Files.readString(file);
      for (Map.Entry<String, String> e : replacements.entrySet()) {
        if (!text.contains(e.getKey())) {
          throw new AssertionError(file + " no longer contains " + e.getKey());
        }
        text = text.replace(e.getKey(), e.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String log() {
    try {
      Path out = dir.resolve("out.log");
      Path error = dir.resolve("error.log");
      return (Files.exists(out) ? Files.readString(out) : "")
          + (Files.exists(error) ? Files.readString(error) : "");
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
