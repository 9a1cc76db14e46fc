package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A shop's page on another origin calls the queue API from headless Chromium: the join carries
 * {@code Idempotency-Key} and a JSON body, so the browser sends a CORS preflight first. The page of
 * the configured origin joins, polls and reads the exposed headers; the page of any other origin is
 * stopped by the browser, and its join never reaches the service.
 */
class CorsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static OriginSite shop;
  private static OriginSite stranger;
  private static ServiceHarness service;

  @BeforeAll
  static void start() throws IOException {
    shop = new OriginSite();
    stranger = new OriginSite();
    service = ServiceHarness.start(Map.of("QUEUEGATE_HTTP_CORS_ALLOWED_ORIGINS", shop.origin()));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (stranger != null) {
      stranger.close();
    }
    if (shop != null) {
      shop.close();
    }
  }

  /**
   * A page that joins {@code event} and polls once, then writes what it saw into {@code #result}:
   * {@code joined <status> <position> <X-Request-ID> <X-RateLimit-Remaining>}, or {@code failed
   * <error>} when the browser refused to hand the answer over.
   */
  private static String joiningPage(String event) {
    return """
        <!DOCTYPE html><html><head><title>shop</title></head><body>
        <p id="result">pending</p>
        <script>
        (async () => {
          const api = '%s';
          const out = document.getElementById('result');
          try {
            const join = await fetch(api + '/api/v1/queue/join', {
              method: 'POST',
              headers: {
                'Content-Type': 'application/json',
                'Idempotency-Key': '%s',
                'X-Trace-Id': 'cors-join'
              },
              body: JSON.stringify({event_id: '%s', user_id: 'anonymous'})
            });
            const joined = await join.json();
            const status = await fetch(
                api + '/api/v1/queue/status?token=' + encodeURIComponent(joined.waiting_token),
                {headers: {'X-Trace-Id': 'cors-status'}});
            const polled = await status.json();
            out.textContent = ['joined', join.status, polled.position,
                join.headers.get('X-Request-ID'),
                status.headers.get('X-RateLimit-Remaining') !== null].join(' ');
          } catch (e) {
            out.textContent = 'failed ' + e.name;
          }
        })();
        </script></body></html>
        """
        .formatted(service.base(), UUID.randomUUID(), event);
  }

  private static String resultOf(OriginSite site, String event) {
    site.serve(joiningPage(event));
    try (Browser browser = Browser.start(800, 600)) {
      browser.driver.get(site.pageUrl().toString());
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("result"), "pending")));
      return browser.driver.findElement(By.id("result")).getText();
    }
  }

  private static long joined(String event) {
    return service.api.adminGet(event).body().path("stats").path("joined").asLong();
  }

  @Test
  void pageOfTheAllowedOrigin_joinsAndPollsAcrossOrigins() {
    String event = "cors-" + UUID.randomUUID().toString().substring(0, 8);

    String result = resultOf(shop, event);

    // X-Request-ID echoes the page's X-Trace-Id: the exposed headers are readable.
    assertThat(result).isEqualTo("joined 202 1 cors-join true");
    assertThat(joined(event)).isEqualTo(1);
  }

  @Test
  void pageOfAnotherOrigin_isStoppedByThePreflight_andNeverJoins() {
    String event = "cors-" + UUID.randomUUID().toString().substring(0, 8);

    String result = resultOf(stranger, event);

    assertThat(result).isEqualTo("failed TypeError");
    assertThat(joined(event)).isZero();
  }
}
