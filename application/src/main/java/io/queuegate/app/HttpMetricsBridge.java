package io.queuegate.app;

import io.queuegate.adapter.http.HttpMetrics;
import io.queuegate.adapter.http.operations.MetricsScrape;
import io.queuegate.adapter.metrics.PrometheusMetrics;

/** Connects the HTTP adapter's metrics ports to the metrics adapter, which it must not know. */
final class HttpMetricsBridge {
  private HttpMetricsBridge() {}

  static HttpMetrics to(PrometheusMetrics metrics) {
    return new HttpMetrics(
        metrics::requestServed,
        metrics::trackOpenStreams,
        new MetricsScrape(PrometheusMetrics.CONTENT_TYPE, metrics::scrape),
        metrics::positionsByMethod);
  }
}
