package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person in headless Chromium behind nginx: asks for a protected page, lands on the waiting page
 * under the same host, is let in when their turn comes, is back on the page they asked for, and
 * after sitting idle past the room's idle timeout is sent back to the line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration IDLE = Duration.ofSeconds(3);

  private ServiceHarness service;
  private Origin origin;
  private ProxyProcess nginx;

  @BeforeAll
  void start() {
    service =
        ServiceHarness.start(
            Map.of(
                "QUEUEGATE_GATE_SECURE_COOKIES", "false",
                "QUEUEGATE_GATE_SESSION_SECRET", "gate-browser-secret-0123456789abcdefghij"));
    origin = new Origin();
    nginx = GateProxies.nginx(service.base().getPort(), origin.port());
  }

  @AfterAll
  void stop() {
    for (AutoCloseable part : new AutoCloseable[] {nginx, origin, service}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          // keep stopping the rest
        }
      }
    }
  }

  @Test
  void protectedPage_waitingPage_admitted_backOnThePage_thenIdleExpirySendsItBackToTheLine() {
    String room = "browser-" + UUID.randomUUID().toString().substring(0, 8);
    String event = "ev-" + room;
    Api.Reply put =
        service.api.raw(
            "PUT",
            "/api/v1/admin/rooms/" + room,
            ("{\"host\":\"localhost\",\"path_prefixes\":[\"/"
                    + room
                    + "\"],\"event_id\":\""
                    + event
                    + "\",\"idle_timeout_sec\":"
                    + IDLE.toSeconds()
                    + "}")
                .getBytes(StandardCharsets.UTF_8),
            "Authorization",
            "Bearer " + ServiceHarness.ADMIN_TOKEN,
            "Content-Type",
            "application/json");
    assertThat(put.status()).isEqualTo(200);
    assertThat(service.api.adminPut(event, "{\"ready_window\":1}").status()).isEqualTo(200);
    String ahead = service.api.join(event).body().path("waiting_token").asText();
    String page = nginx.site() + "/" + room + "/tickets?seat=12";

    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(page);
      browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/queuegate/gate/wait"));
      browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("qg-position"), "2"));

      assertThat(service.api.enter(ahead).status()).isEqualTo(200);

      browser.waitUpTo(WAIT).until(ExpectedConditions.urlToBe(page));
      browser
          .waitUpTo(WAIT)
          .until(
              ExpectedConditions.textToBe(By.id("protected"), "Shop page /" + room + "/tickets"));
      assertThat(browser.driver.manage().getCookieNamed("qg_" + room).isHttpOnly()).isTrue();
      long admitted = System.nanoTime();

      // Somebody joins, so a visitor without a valid session must queue behind them.
      service.api.join(event);
      // Sitting idle is the behaviour under test: nothing may be asked of the site meanwhile.
      Await.until(
          WAIT,
          "the idle timeout to pass",
          () -> System.nanoTime() - admitted > IDLE.plusMillis(500).toNanos());
      browser.driver.navigate().refresh();

      browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/queuegate/gate/wait"));
      browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("qg-position"), "2"));
    }
  }
}
