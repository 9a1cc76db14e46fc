package io.queuegate.it;

import io.queuegate.app.AppSettings;
import io.queuegate.app.QueueApplication;
import io.queuegate.app.RunningService;
import io.queuegate.app.StoreFactory;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Starts the real service on a free port with test-friendly settings, and stops it. */
final class ServiceHarness implements AutoCloseable {
  static final String ADMIN_TOKEN = "it-admin-token-0123456789";

  private final RunningService service;
  final Api api;

  private ServiceHarness(RunningService service) {
    this.service = service;
    this.api = new Api(URI.create("http://127.0.0.1:" + service.port()), ADMIN_TOKEN);
  }

  /**
   * The service with {@code overrides} on top of the test defaults; the store is the one the
   * settings name ({@code QUEUEGATE_STORE}, in memory unless overridden).
   */
  static ServiceHarness start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    // One test client sends everything from 127.0.0.1: the per-IP limit must not get in the way.
    env.put("QUEUEGATE_RATE_LIMIT_PER_SEC", "1000000");
    env.put("QUEUEGATE_RATE_LIMIT_BURST", "1000000");
    env.put("QUEUEGATE_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("SERVER_HOST", "127.0.0.1");
    env.putAll(overrides);
    AppSettings settings = AppSettings.load(env).withPort(0);
    return new ServiceHarness(
        QueueApplication.start(
            settings, metrics -> StoreFactory.create(settings, metrics), Clock.systemUTC()));
  }

  /** Where the service listens, for clients other than {@link #api} (a browser). */
  URI base() {
    return URI.create("http://127.0.0.1:" + service.port());
  }

  @Override
  public void close() {
    service.close();
  }
}
