package io.queuegate.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {
  private final PrometheusMetrics metrics = new PrometheusMetrics();

  @Test
  void requestServed_isCountedAndTimedByRouteTemplateMethodAndStatus() {
    metrics.requestServed("/api/v1/queue/status", "GET", 200, Duration.ofMillis(3));
    metrics.requestServed("/api/v1/admin/events/{event_id}", "GET", 401, Duration.ofMillis(1));
    metrics.requestServed("unmatched", "GET", 404, Duration.ofMillis(1));

    assertThat(metrics.scrape())
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/queue/status\","
                + "status=\"200\"}",
            "route=\"/api/v1/admin/events/{event_id}\",status=\"401\"",
            "route=\"unmatched\",status=\"404\"",
            "http_server_requests_seconds_bucket");
  }

  @Test
  void openStreams_areReadAtEachScrape() {
    AtomicInteger open = new AtomicInteger(2);
    metrics.trackOpenStreams(open::get);

    assertThat(metrics.scrape())
        .contains("# TYPE queue_event_streams_open gauge")
        .contains("queue_event_streams_open 2.0");
    open.set(5);
    System.gc();
    assertThat(metrics.scrape()).contains("queue_event_streams_open 5.0");
  }

  @Test
  void businessMetrics_shareTheOneScrape() {
    metrics.queue().configured(new EventId("concert"), true);
    metrics.queue().joined(new EventId("concert"));

    assertThat(metrics.scrape()).contains("queue_joins_total{event=\"concert\"} 1.0");
  }

  @Test
  void contentType_isThePrometheusTextFormat() {
    assertThat(PrometheusMetrics.CONTENT_TYPE)
        .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
  }
}
