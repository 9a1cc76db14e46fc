package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.RedisServers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waiting page joins an event that requires proof of work in headless Chromium: it is refused,
 * fetches a challenge, solves it in its Web Worker with WebCrypto under the page's unchanged CSP,
 * announces the puzzle and its end in the live region, and joins; on the in-memory store and on
 * Redis standalone. Opened over plain HTTP under a name that is not localhost, it says it needs a
 * secure connection instead of retrying (docs/design.md#bots).
 */
class ProofOfWorkBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  // Runs before the page's own script (CDP injects it outside the page's CSP) and keeps every text
  // the live region ever held, since later news replaces earlier.
  private static final String RECORD_ANNOUNCEMENTS =
      "window.__announced = []; new MutationObserver(function () {"
          + " var l = document.getElementById('qg-live'), a = window.__announced;"
          + " if (l && l.textContent && a[a.length - 1] !== l.textContent) { a.push(l.textContent); }"
          + "}).observe(document, {subtree: true, childList: true, characterData: true});";

  @Test
  void pageSolvesTheChallengeAndJoins_inMemory() {
    try (ServiceHarness service = ServiceHarness.start(Map.of())) {
      pageSolvesTheChallengeAndJoins(service);
    }
  }

  @Test
  void pageSolvesTheChallengeAndJoins_onRedisStandalone() {
    Map<String, String> env =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    try (ServiceHarness service = ServiceHarness.start(env)) {
      pageSolvesTheChallengeAndJoins(service);
    }
  }

  private static void pageSolvesTheChallengeAndJoins(ServiceHarness service) {
    String event = "powpage-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            service
                .api
                .adminPut(
                    event,
                    "{\"require_proof_of_work\":true,\"proof_of_work_difficulty\":20000,"
                        + "\"ready_window\":1}")
                .status())
        .isEqualTo(200);
    // Someone ahead, so the page stays waiting and shows its position.
    String ahead =
        AltchaClient.solve(service.api.get("/api/v1/queue/challenge?event_id=" + event).body());
    assertThat(service.api.joinWithProofOfWork(event, ahead).status()).isEqualTo(202);

    String csp = service.api.waitingPageCsp(event);
    // The worker is same-origin script: worker-src falls back to script-src 'self', unwidened.
    assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe").doesNotContain("blob:");
    assertThat(csp)
        .satisfiesAnyOf(
            c -> assertThat(c).doesNotContain("worker-src"),
            c -> assertThat(c).contains("worker-src 'self';"));

    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_ANNOUNCEMENTS));
      browser.driver.get(service.base().resolve("/wait/" + event).toString());
      browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("qg-position"), "2"));

      @SuppressWarnings("unchecked")
      List<String> announced =
          (List<String>) browser.driver.executeScript("return window.__announced;");
      // The place is announced with its estimated wait after it; only its start is fixed.
      List<String> withoutWait =
          announced.stream().map(line -> line.replaceFirst(" Estimated wait: .*$", "")).toList();
      assertThat(withoutWait)
          .as("the live region announced the puzzle, its end, then the place")
          .containsSubsequence(
              "Checking that you are a person: your browser is solving a small puzzle…",
              "Puzzle solved. Joining the line…",
              "You are number 2 in line.");
      assertThat(browser.driver.findElement(By.id("qg-progress")).getDomAttribute("aria-label"))
          .isEqualTo("Progress towards the front of the line");

      assertThat(browser.driver.findElement(By.id("qg")).getDomAttribute("data-state"))
          .isEqualTo("waiting");
      assertThat(browser.driver.findElement(By.id("qg-error")).isDisplayed()).isFalse();
      String metrics = service.api.get("/metrics").raw().body();
      assertThat(metrics)
          .contains("queue_pow_challenges_total{event=\"" + event + "\",outcome=\"solved\"} 2.0")
          .contains("queue_pow_challenges_total{event=\"" + event + "\",outcome=\"refused\"} 1.0");
      // The page's own join without a solution was the one refusal; it announced the puzzle.
      assertThat(service.api.adminGet(event).body().path("stats").path("waiting").asLong())
          .isEqualTo(2);
    }
  }

  @Test
  void pageOverPlainHttpUnderARealName_saysItNeedsASecureConnection_andFetchesNoChallenge() {
    try (ServiceHarness service = ServiceHarness.start(Map.of())) {
      String event = "powhttp-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(service.api.adminPut(event, "{\"require_proof_of_work\":true}").status())
          .isEqualTo(200);
      int port = service.base().getPort();
      // http://pow.test is not a secure context (unlike localhost): no WebCrypto digest there.
      try (Browser browser =
          Browser.start(480, 820, "--host-resolver-rules=MAP pow.test 127.0.0.1")) {
        browser.driver.get("http://pow.test:" + port + "/wait/" + event);
        browser
            .waitUpTo(WAIT)
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("qg-error"), "https"));

        assertThat(browser.driver.executeScript("return window.isSecureContext;")).isEqualTo(false);
        assertThat(browser.driver.findElement(By.id("qg-error")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("qg-live")).getAttribute("textContent"))
            .contains("secure connection");
        String metrics = service.api.get("/metrics").raw().body();
        // Refused once (the join without a solution), and no challenge was asked for.
        assertThat(metrics)
            .contains("queue_pow_challenges_total{event=\"" + event + "\",outcome=\"refused\"} 1.0")
            .contains("queue_pow_challenges_total{event=\"" + event + "\",outcome=\"issued\"} 0.0");
      }
    }
  }
}
