package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code http_server_requests} timers, one per route template, method and status, each looked
 * up in the registry once: building and registering a timer on every request (sorting its tags,
 * finding it again) cost more than recording into it. The labels are few (route templates, the
 * usual methods, status codes), so the map stays small.
 */
final class RequestTimers {
  private final MeterRegistry registry;
  private final ConcurrentMap<Labels, Timer> timers = new ConcurrentHashMap<>();

  RequestTimers(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The timer of requests to {@code route} by {@code method} answered {@code status}. */
  Timer of(String route, String method, int status) {
    Labels labels = new Labels(route, method, status);
    Timer timer = timers.get(labels);
    return timer != null ? timer : timers.computeIfAbsent(labels, this::register);
  }

  private Timer register(Labels labels) {
    return Timer.builder("http_server_requests")
        .description("HTTP requests served, by route template, method and status")
        .tag("route", labels.route())
        .tag("method", labels.method())
        .tag("status", Integer.toString(labels.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  private record Labels(String route, String method, int status) {}
}
