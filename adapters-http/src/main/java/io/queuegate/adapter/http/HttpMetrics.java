package io.queuegate.adapter.http;

import io.queuegate.adapter.http.admin.PositionCounts;
import io.queuegate.adapter.http.filter.RequestMetrics;
import io.queuegate.adapter.http.operations.MetricsScrape;
import io.queuegate.adapter.http.queue.OpenStreamsGauge;
import java.util.Objects;

/**
 * What the HTTP adapter needs from a metrics system: where it reports requests and open event
 * streams, the text it serves at {@code /metrics}, and the positions counted by method. The
 * application connects it to the metrics adapter, so this module never sees the metrics library.
 */
public record HttpMetrics(
    RequestMetrics requests,
    OpenStreamsGauge openStreams,
    MetricsScrape scrape,
    PositionCounts positions) {
  public HttpMetrics {
    Objects.requireNonNull(positions);
    Objects.requireNonNull(requests);
    Objects.requireNonNull(openStreams);
    Objects.requireNonNull(scrape);
  }
}
