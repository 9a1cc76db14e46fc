package io.queuegate.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.port.out.GateMetrics;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The process's metrics: one Prometheus registry with the business metrics, the HTTP requests and
 * the open event streams on it, and the text that {@code /metrics} serves.
 */
public final class PrometheusMetrics {
  /** The media type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerQueueMetrics queue = new MicrometerQueueMetrics(registry);
  private final MicrometerGateMetrics gate = new MicrometerGateMetrics(registry);
  private final RequestTimers requests = new RequestTimers(registry);

  /** The business metrics, for the domain's metrics port. */
  public QueueMetrics queue() {
    return queue;
  }

  /** The gate's metrics, for the domain's gate metrics port. */
  public GateMetrics gate() {
    return gate;
  }

  /**
   * Records one answered request. A timer with a percentile histogram, so the text has the request
   * counter ({@code _count}) and the duration histogram ({@code _bucket}) in one family.
   *
   * @param route the route template, never the raw path, so that label values stay few
   */
  public void requestServed(String route, String method, int status, Duration took) {
    requests.of(route, method, status).record(took);
  }

  /** Shows {@code open}, read at each scrape, as this instance's open event streams. */
  public void trackOpenStreams(IntSupplier open) {
    Gauge.builder("queue_event_streams_open", open, IntSupplier::getAsInt)
        .description("Status event streams open on this instance")
        // Gauges hold their object weakly, and nobody else may hold this supplier.
        .strongReference(true)
        .register(registry);
  }

  /** One store command (or script) and how long it took, by the command's name. */
  public void storeCommand(String command, Duration took) {
    queue.storeCommand(command, took);
  }

  /** Shows each of the store's position methods from 0, before the first position it finds. */
  public void registerPositionMethods(Collection<PositionMethod> methods) {
    queue.registerPositionMethods(methods);
  }

  /** Positions answered by this instance since it started, by method label. */
  public Map<String, Long> positionsByMethod() {
    return queue.positionsByMethod();
  }

  /** Every meter in the Prometheus text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape();
  }
}
