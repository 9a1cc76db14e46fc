package io.queuegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.http.HttpMetrics;
import io.queuegate.adapter.metrics.PrometheusMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the HTTP adapter reports reaches the text it serves at /metrics, in Prometheus form. */
class HttpMetricsBridgeTest {
  private final HttpMetrics http = HttpMetricsBridge.to(new PrometheusMetrics());

  @Test
  void requestsAndOpenStreams_appearInTheScrapeTheHttpAdapterServes() {
    http.requests().served("/api/v1/queue/status", "GET", 200, Duration.ofMillis(3));
    http.openStreams().track(() -> 2);

    assertThat(http.scrape().contentType()).startsWith("text/plain");
    assertThat(http.scrape().text().get())
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/queue/status\","
                + "status=\"200\"} 1")
        .contains("http_server_requests_seconds_bucket")
        .contains("queue_event_streams_open 2.0");
  }
}
