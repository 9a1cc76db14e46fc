package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waiting page in headless Chromium against the real service: joining, watching the line move,
 * being sent to the booking site with a token that verifies, a second tab, closing tabs, and
 * answers lost on the way back.
 */
class WaitingPageBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String JOIN = "/api/v1/queue/join";
  private static final String ENTER = "/api/v1/queue/enter";
  // A normal run must not change tracked files: screenshots go to the build folder unless
  // QUEUEGATE_UPDATE_SCREENSHOTS=true asks to refresh the ones in docs/.
  private static final Path DOCS =
      "true".equals(System.getenv("QUEUEGATE_UPDATE_SCREENSHOTS"))
          ? Path.of("..", "docs")
          : Path.of(System.getProperty("project.build.directory", "target"), "screenshots");

  private static ServiceHarness service;
  private static TargetSite site;

  @BeforeAll
  static void start() throws IOException {
    service = ServiceHarness.start(Map.of());
    site = new TargetSite();
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private static String newEvent(String policyJson) {
    String event = "page-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(service.api.adminPut(event, policyJson).status()).isEqualTo(200);
    return event;
  }

  private static List<String> joinAhead(String event, int count) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(service.api.join(event).body().path("waiting_token").asText());
    }
    return tokens;
  }

  private static String page(String event) {
    return service.base().resolve("/wait/" + event).toString();
  }

  private static void awaitText(Browser browser, String id, String text) {
    browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id(id), text));
  }

  @Test
  void personJoins_watchesTheLineMove_andIsSentToTheTargetWithATokenThatVerifies()
      throws Exception {
    String event =
        newEvent(
            "{\"ready_window\":1,\"title\":\"Spring tour 2030 · Seoul\",\"target_url\":\""
                + site.bookUrl()
                + "\"}");
    List<String> ahead = joinAhead(event, 3);
    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(page(event));
      awaitText(browser, "qg-position", "4");
      assertThat(browser.driver.getTitle()).isEqualTo("Spring tour 2030 · Seoul");
      assertThat(browser.driver.findElement(By.id("qg-live")).getAttribute("textContent"))
          .contains("4");
      // The page follows the line over the event stream while it is available.
      await(() -> openStreams(service) >= 1);

      assertThat(service.api.enter(ahead.get(0)).status()).isEqualTo(200);
      awaitText(browser, "qg-position", "3");
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("qg-progress"), "aria-valuenow", "33"));
      screenshot(browser, "waiting-page.png");
      assertThat(service.api.enter(ahead.get(1)).status()).isEqualTo(200);
      awaitText(browser, "qg-position", "2");
      assertThat(service.api.enter(ahead.get(2)).status()).isEqualTo(200);

      TargetSite.Arrival arrival = site.nextArrival(30);
      assertThat(arrival).as("the page sent the person to the target").isNotNull();
      assertThat(arrival.method()).isEqualTo("GET");
      Api.Reply verified = service.api.verify(arrival.token(), false);
      assertThat(verified.status()).isEqualTo(200);
      assertThat(verified.body().path("event_id").asText()).isEqualTo(event);
      browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("landed")));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "en-US, About 5–9 minutes, Estimated wait: About 5–9 minutes",
    "ko-KR, 약 5~9분, 예상 대기 시간: 약 5~9분"
  })
  void slowLine_showsTheEtaRangeInWords_andAnnouncesItPolitely(
      String language, String range, String announced) {
    // Three ahead at 0.01 admissions/s with a ready window of 1: 3.7 places at the median, 369 s;
    // the range runs from 310 s (5 minutes, rounded down) to 532 s (9 minutes, rounded up).
    String event = newEvent("{\"ready_window\":1,\"admission_rate_per_sec\":0.01}");
    joinAhead(event, 3);
    try (Browser browser = Browser.startIn(language, 480, 820)) {
      browser.driver.get(page(event));
      awaitText(browser, "qg-position", "4");
      awaitText(browser, "qg-eta", range);
      WebElement live = browser.driver.findElement(By.id("qg-live"));
      assertThat(live.getAttribute("aria-live")).isEqualTo("polite");
      assertThat(live.getAttribute("textContent")).contains(announced);
    }
  }

  @Test
  void formDelivery_postsTheTokenToTheTarget() throws Exception {
    String event =
        newEvent("{\"target_url\":\"" + site.bookUrl() + "\",\"target_delivery\":\"form\"}");
    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(page(event));

      TargetSite.Arrival arrival = site.nextArrival(30);
      assertThat(arrival).isNotNull();
      assertThat(arrival.method()).isEqualTo("POST");
      assertThat(service.api.verify(arrival.token(), false).status()).isEqualTo(200);
    }
  }

  @Test
  void eventWithoutTarget_showsTheAdmissionToken() throws Exception {
    String event = newEvent("{\"title\":\"Spring tour 2030 · Seoul\",\"target_url\":\"\"}");
    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(page(event));
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("qg-token")));

      String token = browser.driver.findElement(By.id("qg-token-value")).getDomProperty("value");
      assertThat(service.api.verify(token, false).status()).isEqualTo(200);
      assertThat(browser.driver.findElement(By.id("qg")).getDomAttribute("data-state"))
          .isEqualTo("admitted");
      screenshot(browser, "admitted-page.png");

      // Coming back to the page after entering does not quietly take a new place.
      browser.driver.navigate().refresh();
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("qg-rejoin")));
      assertThat(browser.driver.findElement(By.id("qg-message")).getText())
          .contains("already entered");
      assertThat(service.api.adminGet(event).body().path("stats").path("waiting").asLong())
          .isZero();
    }
  }

  @Test
  void afterJoining_thePageShowsTheReceiptTheServiceIssued_keepsItForOtherTabs_andCopiesIt()
      throws Exception {
    String event = newEvent("{\"ready_window\":1}");
    joinAhead(event, 1);
    try (LossyProxy proxy = new LossyProxy(service.base());
        Browser browser = Browser.start(480, 820)) {
      browser.driver.get(proxy.base().resolve("/wait/" + event).toString());
      awaitText(browser, "qg-position", "2");
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("qg-receipt")));

      List<LossyProxy.Exchange> joins = proxy.postsTo(JOIN);
      assertThat(joins).hasSize(1);
      var answer = Api.JSON.readTree(joins.get(0).body());
      String issued = answer.path("receipt").asText();
      assertThat(issued).isNotBlank();
      WebElement folded = browser.driver.findElement(By.id("qg-receipt"));
      assertThat(folded.getTagName()).isEqualTo("details");
      assertThat(folded.getDomProperty("open")).as("folded until asked for").isEqualTo("false");
      assertThat(shownReceipt(browser)).isEqualTo(issued);
      String[] parts = issued.split("\\.");
      assertThat(parts).hasSize(3);
      var claims =
          Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1].replace("=", "")));
      assertThat(claims.path("event").asText()).isEqualTo(event);
      assertThat(claims.path("entrant").asText())
          .isEqualTo(answer.path("entrant_id").asText())
          .isNotBlank();
      assertThat(browser.driver.findElement(By.id("qg-log")).getDomAttribute("href"))
          .isEqualTo("/api/v1/events/" + event + "/log");

      // Another tab resumes the place from localStorage, receipt included, without joining again.
      browser
          .driver
          .switchTo()
          .newWindow(WindowType.TAB)
          .get(proxy.base().resolve("/wait/" + event).toString());
      awaitText(browser, "qg-position", "2");
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("qg-receipt")));
      assertThat(shownReceipt(browser)).isEqualTo(issued);
      assertThat(proxy.postsTo(JOIN)).hasSize(1);

      // Keyboard only: open the section, then press Copy; the live region says it politely.
      browser.driver.findElement(By.cssSelector("#qg-receipt summary")).sendKeys(Keys.ENTER);
      WebElement details = browser.driver.findElement(By.id("qg-receipt"));
      assertThat(details.getDomProperty("open")).isEqualTo("true");
      browser.driver.findElement(By.id("qg-receipt-copy")).sendKeys(Keys.ENTER);
      awaitText(browser, "qg-live", "Copied");
    }
    assertThat(service.api.waitingPageCsp(event))
        .isEqualTo(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'");
  }

  @Test
  void secondTabResumesTheSamePlace_andOnlyClosingTheLastTabFreesIt() {
    String event = newEvent("{\"ready_window\":1}");
    joinAhead(event, 1);
    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(page(event));
      awaitText(browser, "qg-position", "2");
      String firstTab = browser.driver.getWindowHandle();
      String token = storedToken(browser, event);

      browser.driver.switchTo().newWindow(WindowType.TAB).get(page(event));
      awaitText(browser, "qg-position", "2");
      String secondTab = browser.driver.getWindowHandle();
      assertThat(storedToken(browser, event)).isEqualTo(token);
      assertThat(service.api.adminGet(event).body().path("stats").path("waiting").asLong())
          .as("the second tab joined nobody new")
          .isEqualTo(2);
      // A blank tab keeps the browser open once both page tabs are closed.
      browser.driver.switchTo().newWindow(WindowType.TAB).get("about:blank");
      String blankTab = browser.driver.getWindowHandle();

      browser.driver.switchTo().window(secondTab).close();
      browser.driver.switchTo().window(firstTab);
      // The closed tab struck itself off the shared tab list and kept the token: it did not leave.
      await(() -> tabCount(browser, event) == 1);
      assertThat(storedToken(browser, event)).isEqualTo(token);
      assertThat(service.api.status(token).status()).isEqualTo(200);

      browser.driver.close();
      browser.driver.switchTo().window(blankTab);
      await(() -> service.api.status(token).status() == 404);
      assertThat(service.api.status(token).errorCode()).isEqualTo("TOKEN_NOT_FOUND");
    }
  }

  @Test
  void instanceRefusingStreams_pageFallsBackToPollingAndStillLetsThePersonIn() {
    try (ServiceHarness polling = ServiceHarness.start(Map.of("QUEUEGATE_SSE_MAX_STREAMS", "0"));
        Browser browser = Browser.start(480, 820)) {
      String event = "poll-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(polling.api.adminPut(event, "{\"ready_window\":1}").status()).isEqualTo(200);
      String ahead = polling.api.join(event).body().path("waiting_token").asText();
      browser.driver.get(polling.base().resolve("/wait/" + event).toString());
      awaitText(browser, "qg-position", "2");

      assertThat(polling.api.enter(ahead).status()).isEqualTo(200);

      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("qg-token")));
      assertThat(openStreams(polling)).isZero();
    }
  }

  @Test
  void pausedEvent_saysSoInsteadOfJoining() {
    String event = newEvent("{\"paused_joins\":true}");
    try (Browser browser = Browser.start(480, 820)) {
      browser.driver.get(page(event));

      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("qg-error")));
      assertThat(browser.driver.findElement(By.id("qg-error")).getText()).contains("paused");
    }
  }

  @Test
  void narrowScreen_hasNoHorizontalScrolling() {
    String event =
        newEvent("{\"ready_window\":1,\"title\":\"A rather long event title for 320 px\"}");
    joinAhead(event, 1);
    try (Browser browser = Browser.start(480, 820)) {
      // Headless windows are at least 500 px wide; the viewport itself can be a phone's.
      browser.driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", true));
      browser.driver.get(page(event));
      awaitText(browser, "qg-position", "2");

      Object overflow =
          browser.driver.executeScript(
              "return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
      assertThat(((Number) browser.driver.executeScript("return window.innerWidth;")).longValue())
          .isLessThanOrEqualTo(320);
    }
  }

  @Test
  void lostJoinAnswer_pageRetriesWithTheSameKey_andHoldsOnePlace() {
    String event = newEvent("{\"ready_window\":1}");
    joinAhead(event, 1);
    try (LossyProxy proxy = new LossyProxy(service.base());
        Browser browser = Browser.start(480, 820)) {
      proxy.loseNextAnswerTo(JOIN);
      browser.driver.get(proxy.base().resolve("/wait/" + event).toString());

      // The page tries again by itself, after its offline message.
      awaitText(browser, "qg-position", "2");
      assertOnePlaceFromTheLostJoin(browser, proxy, event);
    }
  }

  @Test
  void lostJoinAnswer_thenReload_theReloadedPageGetsTheSamePlace() {
    String event = newEvent("{\"ready_window\":1}");
    joinAhead(event, 1);
    try (LossyProxy proxy = new LossyProxy(service.base());
        Browser browser = Browser.start(480, 820)) {
      proxy.loseNextAnswerTo(JOIN);
      browser.driver.get(proxy.base().resolve("/wait/" + event).toString());
      await(() -> !proxy.postsTo(JOIN).isEmpty());

      browser.driver.navigate().refresh();
      awaitText(browser, "qg-position", "2");
      assertOnePlaceFromTheLostJoin(browser, proxy, event);
    }
  }

  @Test
  void lostEnterAnswer_pageRetriesWithTheSameKey_andEndsAdmitted() throws Exception {
    String event = newEvent("{\"target_url\":\"\"}");
    try (LossyProxy proxy = new LossyProxy(service.base());
        Browser browser = Browser.start(480, 820)) {
      proxy.loseNextAnswerTo(ENTER);
      browser.driver.get(proxy.base().resolve("/wait/" + event).toString());

      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("qg-token")));
      assertThat(browser.driver.findElement(By.id("qg")).getDomAttribute("data-state"))
          .isEqualTo("admitted");
      List<LossyProxy.Exchange> enters = proxy.postsTo(ENTER);
      assertThat(enters).hasSizeGreaterThanOrEqualTo(2);
      assertThat(enters.get(0).lost()).isTrue();
      assertThat(enters.get(0).status()).isEqualTo(200);
      assertThat(enters).extracting(LossyProxy.Exchange::idempotencyKey).containsOnly(key(enters));
      LossyProxy.Exchange last = enters.get(enters.size() - 1);
      assertThat(last.replayed()).as("the retry got the first answer again").isTrue();
      // The page shows the admission the lost answer carried: one admission, not a second try.
      String shown = browser.driver.findElement(By.id("qg-token-value")).getDomProperty("value");
      assertThat(shown)
          .isEqualTo(Api.JSON.readTree(enters.get(0).body()).path("reservation_token").asText());
      assertThat(service.api.verify(shown, false).status()).isEqualTo(200);
      assertThat(service.api.adminGet(event).body().path("stats").path("admitted").asLong())
          .isEqualTo(1);
    }
  }

  /**
   * The line holds the one waiter ahead and this person once; every join the page sent carried the
   * first one's key, the last was answered by replay, and the page keeps the lost answer's token.
   */
  private static void assertOnePlaceFromTheLostJoin(
      Browser browser, LossyProxy proxy, String event) {
    assertThat(service.api.adminGet(event).body().path("stats").path("waiting").asLong())
        .as("one place for the person, beside the one ahead")
        .isEqualTo(2);
    List<LossyProxy.Exchange> joins = proxy.postsTo(JOIN);
    assertThat(joins).hasSizeGreaterThanOrEqualTo(2);
    assertThat(joins.get(0).lost()).isTrue();
    assertThat(joins.get(0).status()).isEqualTo(202);
    assertThat(joins).extracting(LossyProxy.Exchange::idempotencyKey).containsOnly(key(joins));
    LossyProxy.Exchange last = joins.get(joins.size() - 1);
    assertThat(last.replayed()).as("the retry got the first answer again").isTrue();
    String lostToken = waitingToken(joins.get(0));
    assertThat(storedToken(browser, event)).isEqualTo(lostToken);
  }

  private static String key(List<LossyProxy.Exchange> exchanges) {
    String key = exchanges.get(0).idempotencyKey();
    assertThat(key).isNotBlank();
    return key;
  }

  private static String waitingToken(LossyProxy.Exchange join) {
    try {
      return Api.JSON.readTree(join.body()).path("waiting_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double openStreams(ServiceHarness harness) {
    return harness
        .api
        .get("/metrics")
        .raw()
        .body()
        .lines()
        .filter(line -> line.startsWith("queue_event_streams_open "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  private static String storedToken(Browser browser, String event) {
    Object token =
        browser.driver.executeScript(
            "var v = JSON.parse(localStorage.getItem(arguments[0]) || 'null');"
                + "return v && v.token;",
            "queuegate:wait:" + event);
    return (String) token;
  }

  private static String shownReceipt(Browser browser) {
    return browser.driver.findElement(By.id("qg-receipt-value")).getDomProperty("value");
  }

  private static long tabCount(Browser browser, String event) {
    Object count =
        browser.driver.executeScript(
            "return Object.keys(JSON.parse(localStorage.getItem(arguments[0]) || '{}')).length;",
            "queuegate:tabs:" + event);
    return ((Number) count).longValue();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", WAIT).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** Saves the page once the progress bar has finished moving. */
  private static void screenshot(Browser browser, String name) throws IOException {
    browser
        .waitUpTo(WAIT)
        .until(
            driver ->
                Boolean.TRUE.equals(
                    browser.driver.executeScript(
                        "return document.getElementById('qg-progress-fill')"
                            + ".getAnimations().length === 0;")));
    Files.createDirectories(DOCS);
    Files.write(DOCS.resolve(name), browser.driver.getScreenshotAs(OutputType.BYTES));
  }
}
