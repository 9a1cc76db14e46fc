package io.queuegate.adapter.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.queuegate.domain.model.CaptchaAnswer;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.CaptchaVerdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The siteverify client against a local stand-in of a provider's documented siteverify endpoint:
 * form fields in, {@code success} and {@code error-codes} out, and every way it can fail.
 */
class SiteverifyCaptchaVerifierIT {
  private static final String SECRET = "0x4AAAAAAA-secret+with/odd=chars";
  private static final CaptchaAnswer ANSWER =
      new CaptchaAnswer("token-1&x=y", Optional.of("2001:db8::7"));
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  /** What the stand-in answers next: a status and a body, after an optional hold. */
  private record Canned(int status, String body, CountDownLatch hold) {}

  private final AtomicReference<Canned> next = new AtomicReference<>();
  private final AtomicReference<Map<String, String>> received = new AtomicReference<>();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/siteverify", this::answer);
    server.start();
  }

  @AfterEach
  void stopStandIn() {
    Canned canned = next.get();
    if (canned != null && canned.hold() != null) {
      canned.hold().countDown();
    }
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    received.set(
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    received.get().put("content-type", exchange.getRequestHeaders().getFirst("Content-Type"));
    arrived.countDown();
    Canned canned = next.get();
    if (canned.hold() != null) {
      try {
        canned.hold().await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(canned.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private SiteverifyCaptchaVerifier verifier(int maxConcurrent) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/siteverify");
    return new SiteverifyCaptchaVerifier(
        new CaptchaSettings(
            TIMEOUT,
            maxConcurrent,
            Map.of(CaptchaProvider.TURNSTILE, new SiteverifyEndpoint(url, SECRET))));
  }

  private CaptchaVerdict verifyWith(int status, String body) {
    next.set(new Canned(status, body, null));
    return verifier(4).verify(CaptchaProvider.TURNSTILE, ANSWER);
  }

  @Test
  void success_passes_andTheFormCarriesSecretResponseAndRemoteIp() {
    CaptchaVerdict verdict =
        verifyWith(
            200,
            "{\"success\":true,\"challenge_ts\":\"2030-01-01T00:00:00Z\",\"hostname\":\"x\","
                + "\"error-codes\":[]}");

    assertThat(verdict).isEqualTo(CaptchaVerdict.PASSED);
    assertThat(received.get())
        .containsEntry("secret", SECRET)
        .containsEntry("response", "token-1&x=y")
        .containsEntry("remoteip", "2001:db8::7")
        .containsEntry("content-type", "application/x-www-form-urlencoded");
  }

  @Test
  void refusal_fails() {
    assertThat(verifyWith(200, "{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}"))
        .isEqualTo(CaptchaVerdict.FAILED);
    assertThat(verifyWith(200, "{\"success\":false,\"error-codes\":[\"timeout-or-duplicate\"]}"))
        .isEqualTo(CaptchaVerdict.FAILED);
  }

  @Test
  void refusalThatBlamesOurSecret_isUnavailable_notTheVisitorsFault() {
    assertThat(verifyWith(200, "{\"success\":false,\"error-codes\":[\"invalid-input-secret\"]}"))
        .isEqualTo(CaptchaVerdict.UNAVAILABLE);
  }

  @Test
  void serverError_isUnavailable() {
    assertThat(verifyWith(503, "{\"success\":true}")).isEqualTo(CaptchaVerdict.UNAVAILABLE);
    assertThat(verifyWith(500, "oops")).isEqualTo(CaptchaVerdict.UNAVAILABLE);
  }

  @Test
  void malformedJson_isUnavailable() {
    assertThat(verifyWith(200, "{\"success\":tru")).isEqualTo(CaptchaVerdict.UNAVAILABLE);
    assertThat(verifyWith(200, "<html>captive portal</html>"))
        .isEqualTo(CaptchaVerdict.UNAVAILABLE);
    assertThat(verifyWith(200, "{\"hostname\":\"x\"}")).isEqualTo(CaptchaVerdict.UNAVAILABLE);
    assertThat(verifyWith(200, "{\"success\":\"yes\"}")).isEqualTo(CaptchaVerdict.UNAVAILABLE);
  }

  @Test
  void providerThatDoesNotAnswerInTime_isUnavailable_withinAboutTheTimeout() {
    next.set(new Canned(200, "{\"success\":true}", new CountDownLatch(1)));
    long start = System.nanoTime();

    CaptchaVerdict verdict = verifier(4).verify(CaptchaProvider.TURNSTILE, ANSWER);

    assertThat(verdict).isEqualTo(CaptchaVerdict.UNAVAILABLE);
    // A bound, not a timing claim: the call must not wait for the held answer (10 s).
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void unreachableProvider_isUnavailable() {
    int port = server.getAddress().getPort();
    server.stop(0);
    SiteverifyCaptchaVerifier closed =
        new SiteverifyCaptchaVerifier(
            new CaptchaSettings(
                TIMEOUT,
                1,
                Map.of(
                    CaptchaProvider.HCAPTCHA,
                    new SiteverifyEndpoint(
                        URI.create("http://127.0.0.1:" + port + "/siteverify"), SECRET))));

    assertThat(closed.verify(CaptchaProvider.HCAPTCHA, ANSWER))
        .isEqualTo(CaptchaVerdict.UNAVAILABLE);
  }

  @Test
  void providerWithoutSecret_isNotSupported_andUnavailable() {
    SiteverifyCaptchaVerifier verifier = verifier(1);

    assertThat(verifier.supports(CaptchaProvider.TURNSTILE)).isTrue();
    assertThat(verifier.supports(CaptchaProvider.RECAPTCHA)).isFalse();
    assertThat(verifier.verify(CaptchaProvider.RECAPTCHA, ANSWER))
        .isEqualTo(CaptchaVerdict.UNAVAILABLE);
  }

  @Test
  void beyondMaxConcurrent_aCallIsUnavailableAtOnce_insteadOfPilingUp() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    next.set(new Canned(200, "{\"success\":true}", hold));
    SiteverifyCaptchaVerifier verifier =
        new SiteverifyCaptchaVerifier(
            new CaptchaSettings(
                Duration.ofSeconds(20),
                1,
                Map.of(
                    CaptchaProvider.TURNSTILE,
                    new SiteverifyEndpoint(
                        URI.create(
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/siteverify"),
                        SECRET))));
    CompletableFuture<CaptchaVerdict> first =
        CompletableFuture.supplyAsync(
            () -> verifier.verify(CaptchaProvider.TURNSTILE, ANSWER),
            Executors.newVirtualThreadPerTaskExecutor());
    assertThat(arrived.await(10, TimeUnit.SECONDS)).as("first call reached the provider").isTrue();

    CaptchaVerdict second = verifier.verify(CaptchaProvider.TURNSTILE, ANSWER);
    hold.countDown();

    assertThat(second).isEqualTo(CaptchaVerdict.UNAVAILABLE);
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(CaptchaVerdict.PASSED);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
