package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waiting page of a scheduled sale in headless Chromium against the real service: a countdown
 * to the opening that screen readers hear only at a few moments, the sentence on the random order
 * with its link to the published shuffle, then the place drawn at the opening.
 */
class PreQueueBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration LEAD = Duration.ofSeconds(10);

  private static ServiceHarness service;

  @BeforeAll
  static void start() {
    service = ServiceHarness.start(Map.of());
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void scheduledSale_countsDownToTheOpening_thenShowsThePlace() {
    String event = "presale-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.start(480, 820)) {
      // The schedule is set once the browser is up, so a slow start does not eat the countdown.
      Instant opens = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.MILLIS);
      // Admission paused, so the page stays on the place it was given instead of entering.
      String policy =
          "{\"ready_window\":1,\"paused_admission\":true,\"pre_queue_starts_at\":\""
              + Instant.now().truncatedTo(ChronoUnit.SECONDS)
              + "\",\"opens_at\":\""
              + opens
              + "\"}";
      assertThat(service.api.adminPut(event, policy).status()).isEqualTo(200);
      browser.driver.get(service.base().resolve("/wait/" + event).toString());
      WebElement countdown = browser.driver.findElement(By.id("qg-countdown"));
      browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOf(countdown));
      browser.waitUpTo(WAIT).until(ExpectedConditions.textMatches(By.id("qg-countdown"), timer()));
      assertThat(countdown.getAttribute("role")).isEqualTo("timer");
      assertThat(browser.driver.findElement(By.id("qg-figures")).isDisplayed()).isFalse();
      assertThat(live(browser)).contains("before the sale opens at");
      // Redrawn every second: the text moves on before the opening.
      String shown = countdown.getText();
      browser
          .waitUpTo(WAIT)
          .until(d -> !countdown.getText().equals(shown) && countdown.isDisplayed());
      WebElement fair = browser.driver.findElement(By.id("qg-fair"));
      assertThat(fair.isDisplayed()).isTrue();
      assertThat(fair.getText())
          .contains("Everyone who arrived before the sale opened was given a random place");
      String href = browser.driver.findElement(By.id("qg-shuffle")).getAttribute("href");
      assertThat(URI.create(href).getPath()).isEqualTo("/api/v1/events/" + event + "/shuffle");

      // The opening: the countdown gives way to the place, which is announced.
      browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("qg-position"), "1"));
      assertThat(Instant.now()).isAfterOrEqualTo(opens);
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("qg-opening")));
      assertThat(browser.driver.findElement(By.id("qg-figures")).isDisplayed()).isTrue();
      browser.waitUpTo(WAIT).until(d -> live(browser).contains("number 1"));
      Api.Reply shuffle = service.api.get(URI.create(href).getPath());
      assertThat(shuffle.status()).isEqualTo(200);
      assertThat(shuffle.body().path("phase").asText()).isEqualTo("open");
      assertThat(shuffle.body().path("pre_queue_entrants").asLong()).isEqualTo(1);
    }
  }

  private static java.util.regex.Pattern timer() {
    return java.util.regex.Pattern.compile("\\d+:\\d\\d");
  }

  private static String live(Browser browser) {
    return browser.driver.findElement(By.id("qg-live")).getAttribute("textContent");
  }
}
