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
 * The waiting page joins an event that requires proof of work in headless Chromium: it is refused,
 * fetches a challenge, solves it in its Web Worker with WebCrypto under the page's unchanged CSP,
 * and joins; on the in-memory store and on Redis standalone (docs/design.md#bots).
 */
class ProofOfWorkBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

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

    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(service.base().resolve("/wait/" + event).toString());
      browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("qg-position"), "2"));

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
}
