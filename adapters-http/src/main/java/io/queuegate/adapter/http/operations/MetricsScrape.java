package io.queuegate.adapter.http.operations;

import java.util.Objects;
import java.util.function.Supplier;

/** What {@code GET /metrics} serves: the metrics system's text, read per request, and its type. */
public record MetricsScrape(String contentType, Supplier<String> text) {
  public MetricsScrape {
    Objects.requireNonNull(contentType);
    Objects.requireNonNull(text);
  }
}
