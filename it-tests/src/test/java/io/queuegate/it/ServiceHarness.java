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

  /**
   * Request limits out of the way: one test client sends everything from 127.0.0.1, and most tests
   * are about something else. The tests of the limits start with the shipped ones.
   */
  static final Map<String, String> NO_LIMITS = noLimits();

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
    Map<String, String> env = new HashMap<>(NO_LIMITS);
    env.putAll(overrides);
    return startWithDefaultLimits(env);
  }

  /** The service with the shipped request limits, and {@code overrides} on top. */
  static ServiceHarness startWithDefaultLimits(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("QUEUEGATE_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("SERVER_HOST", "127.0.0.1");
    env.putAll(overrides);
    AppSettings settings = AppSettings.load(env).withPort(0);
    return new ServiceHarness(
        QueueApplication.start(
            settings, metrics -> StoreFactory.create(settings, metrics), Clock.systemUTC()));
  }

  private static Map<String, String> noLimits() {
    Map<String, String> env = new HashMap<>();
    for (String rule : new String[] {"", "JOIN_", "TOKEN_", "UNKNOWN_TOKEN_", "VERIFY_"}) {
      env.put("QUEUEGATE_RATE_LIMIT_" + rule + "PER_SEC", "1000000");
      env.put("QUEUEGATE_RATE_LIMIT_" + rule + "BURST", "1000000");
    }
    env.put("QUEUEGATE_SSE_MAX_STREAMS_PER_CLIENT", "1000000");
    return Map.copyOf(env);
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
