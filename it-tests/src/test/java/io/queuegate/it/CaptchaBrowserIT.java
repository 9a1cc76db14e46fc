package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.RedisServers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waiting page of a CAPTCHA event in headless Chromium, on the in-memory store and on Redis
 * standalone (docs/design.md#captcha): it loads the widget script from the configured URL (here
 * {@link StandInCaptchaProvider}'s fake widget, since no real provider can be reached), gets its
 * token and joins with it; the page of a plain event keeps the strict policy and loads no widget.
 */
class CaptchaBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SECRET = "it-hcaptcha-secret";
  private static final String STRICT_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

  @Test
  void captchaEventPage_loadsTheWidgetAndJoinsWithItsToken_inMemory() {
    try (StandInCaptchaProvider provider = new StandInCaptchaProvider(SECRET);
        ServiceHarness service = ServiceHarness.start(env(provider, Map.of()))) {
      pageJoinsWithTheWidgetsToken(service, provider);
    }
  }

  @Test
  void captchaEventPage_loadsTheWidgetAndJoinsWithItsToken_onRedisStandalone() {
    try (StandInCaptchaProvider provider = new StandInCaptchaProvider(SECRET);
        ServiceHarness service =
            ServiceHarness.start(
                env(provider, RedisEnv.standalone(RedisServers.standalone().address())))) {
      pageJoinsWithTheWidgetsToken(service, provider);
    }
  }

  @Test
  void plainEventPage_keepsTheStrictPolicy_andLoadsNoWidget() {
    try (StandInCaptchaProvider provider = new StandInCaptchaProvider(SECRET);
        ServiceHarness service = ServiceHarness.start(env(provider, Map.of()))) {
      String event = "plainpage-" + UUID.randomUUID().toString().substring(0, 8);
      // Someone ahead and a window of one, so that the page shows a number rather than turning
      // ready at once.
      assertThat(service.api.adminPut(event, "{\"ready_window\":1}").status()).isEqualTo(200);
      assertThat(service.api.join(event).status()).isEqualTo(202);
      String csp = service.api.waitingPageCsp(event);
      assertThat(csp).isEqualTo(STRICT_CSP);

      try (Browser browser = Browser.start(480, 820)) {
        browser.driver.get(service.base().resolve("/wait/" + event).toString());
        browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("qg-position"), "2"));

        assertThat(browser.driver.findElement(By.id("qg-captcha")).isDisplayed()).isFalse();
        assertThat(
                browser.driver.executeScript(
                    "return document.querySelectorAll('script[src*=\"api.js\"]').length"))
            .isEqualTo(0L);
        assertThat(provider.widgetLoads()).isZero();
        assertThat(provider.verifications()).isEmpty();
      }
    }
  }

  private static Map<String, String> env(
      StandInCaptchaProvider provider, Map<String, String> store) {
    Map<String, String> env = new HashMap<>(store);
    env.put("QUEUEGATE_CAPTCHA_HCAPTCHA_SECRET", SECRET);
    env.put(
        "QUEUEGATE_CAPTCHA_HCAPTCHA_SITEVERIFY_URL",
        provider.origin() + StandInCaptchaProvider.SITEVERIFY_PATH);
    env.put(
        "QUEUEGATE_CAPTCHA_HCAPTCHA_WIDGET_URL",
        provider.origin() + StandInCaptchaProvider.WIDGET_PATH);
    return env;
  }

  private static void pageJoinsWithTheWidgetsToken(
      ServiceHarness service, StandInCaptchaProvider provider) {
    String event = "cappage-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            service
                .api
                .adminPut(
                    event,
                    "{\"captcha_provider\":\"hcaptcha\",\"captcha_site_key\":\"10000000-it\","
                        + "\"captcha_on_outage\":\"refuse\",\"ready_window\":1}")
                .status())
        .isEqualTo(200);
    // Someone ahead, so the page stays waiting and shows its position.
    assertThat(service.api.joinWithCaptcha(event, "pass-ahead-" + event).status()).isEqualTo(202);
    String csp = service.api.waitingPageCsp(event);
    assertThat(csp)
        .contains("script-src 'self' " + provider.origin())
        .contains("frame-src " + provider.origin())
        .contains("connect-src 'self' " + provider.origin());

    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(service.base().resolve("/wait/" + event).toString());
      browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("qg-position"), "2"));

      assertThat(browser.driver.findElement(By.id("qg")).getDomAttribute("data-state"))
          .isEqualTo("waiting");
      assertThat(browser.driver.findElement(By.id("qg-error")).isDisplayed()).isFalse();
      assertThat(
              browser
                  .driver
                  .findElement(By.id("qg-captcha-widget"))
                  .getDomAttribute("data-stand-in-widget"))
          .isEqualTo("10000000-it");
      assertThat(provider.widgetLoads()).isEqualTo(1);
      assertThat(provider.verifications())
          .anySatisfy(v -> assertThat(v.response()).startsWith("pass-widget-"));
      String metrics = service.api.get("/metrics").raw().body();
      assertThat(metrics)
          .contains(
              "queue_captcha_verifications_total{event=\"" + event + "\",outcome=\"passed\"} 2.0");
      assertThat(service.api.adminGet(event).body().path("stats").path("waiting").asLong())
          .isEqualTo(2);
    }
  }
}
