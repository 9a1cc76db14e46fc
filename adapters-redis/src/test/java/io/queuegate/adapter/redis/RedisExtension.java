package io.queuegate.adapter.redis;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension for tests that need real Redis servers: checks the binaries (fails on CI when
 * they are missing) and stops the shared servers and stores when the whole test run ends, as well
 * as at JVM exit.
 */
public final class RedisExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    RedisBinaries.require();
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(RedisExtension.class, k -> new Shutdown(), Shutdown.class);
  }

  /** Closed by JUnit after the last test of the run. */
  private static final class Shutdown implements AutoCloseable {
    @Override
    public void close() {
      SharedRedisStores.closeAll();
      RedisServers.stopAll();
    }
  }
}
