package io.queuegate.adapter.redis;

import java.io.File;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds redis-server and redis-cli on the PATH. Without them the Redis tests cannot run: on CI that
 * is a failure, locally the tests are reported as aborted, never silently passed.
 */
public final class RedisBinaries {
  private RedisBinaries() {}

  public static String server() {
    return find("redis-server");
  }

  public static String cli() {
    return find("redis-cli");
  }

  /** Stops the calling test when the binaries are missing; fails it when CI=true. */
  public static void require() {
    boolean present = which("redis-server").isPresent() && which("redis-cli").isPresent();
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(
          "redis-server and redis-cli must be on the PATH in CI (apt-get install redis-server)");
    }
    Assumptions.assumeTrue(present, "redis-server or redis-cli not found on the PATH");
  }

  private static String find(String name) {
    return which(name).orElseThrow(() -> new AssertionError(name + " not found on the PATH"));
  }

  private static Optional<String> which(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, name);
      if (candidate.canExecute()) {
        return Optional.of(candidate.getAbsolutePath());
      }
    }
    return Optional.empty();
  }
}
