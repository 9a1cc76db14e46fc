package io.queuegate.adapter.http;

import io.queuegate.adapter.http.operations.MetricsScrape;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Stands in for the metrics system: keeps what the adapter reports, and serves a fixed text at
 * /metrics. The Prometheus form of the same reports is checked in the metrics module.
 */
final class RecordingMetrics {
  static final String SCRAPE = "# HELP up Whether the test adapter answers\nup 1.0\n";

  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** The position counts the operator's event view shows; tests set them. */
  final Map<String, Long> positionCounts = new ConcurrentHashMap<>();

  private final AtomicReference<IntSupplier> openStreams = new AtomicReference<>(() -> -1);

  HttpMetrics asHttpMetrics() {
    return new HttpMetrics(
        (route, method, status, took) -> requests.add(method + " " + route + " " + status),
        openStreams::set,
        new MetricsScrape("text/plain; version=0.0.4; charset=utf-8", () -> SCRAPE),
        () -> Map.copyOf(positionCounts));
  }

  /** Each request reported so far as {@code METHOD route status}, one per line. */
  String requests() {
    return String.join("\n", requests);
  }

  int openStreams() {
    return openStreams.get().getAsInt();
  }
}
