package io.queuegate.adapter.captcha;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuegate.domain.model.CaptchaAnswer;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.CaptchaVerdict;
import io.queuegate.domain.port.out.CaptchaVerifier;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Verifies response tokens with the provider's {@code siteverify}: a form POST of {@code secret},
 * {@code response} and {@code remoteip}, answered by JSON with {@code success} and {@code
 * error-codes} (the same protocol for Turnstile, hCaptcha and reCAPTCHA). One deadline covers the
 * whole exchange; beyond {@code maxConcurrent} calls in flight a join is not queued behind a slow
 * provider but answered UNAVAILABLE at once, so its event's outage policy decides.
 */
public final class SiteverifyCaptchaVerifier implements CaptchaVerifier, AutoCloseable {
  private static final System.Logger LOG =
      System.getLogger(SiteverifyCaptchaVerifier.class.getName());
  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  // Codes that blame our request or the provider, not the person: the token was not judged.
  private static final Set<String> NOT_JUDGED =
      Set.of(
          "missing-input-secret",
          "invalid-input-secret",
          "sitekey-secret-mismatch",
          "bad-request",
          "internal-error");

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private final CaptchaSettings settings;
  private final HttpClient client;
  private final Semaphore inFlight;
  private final RareLog refusals = new RareLog(LOG, MINUTE_NANOS, System::nanoTime);
  private final RareLog outages = new RareLog(LOG, MINUTE_NANOS, System::nanoTime);

  public SiteverifyCaptchaVerifier(CaptchaSettings settings) {
    this.settings = settings;
    this.inFlight = new Semaphore(settings.maxConcurrent());
    // HTTP/1.1: one small POST gains nothing from HTTP/2, and every provider and proxy speaks it.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Stops the HTTP client's selector thread: it lives as long as the client, so a service stopped
   * and started again in one JVM (tests, embedders) would otherwise leave one behind each time.
   */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public boolean supports(CaptchaProvider provider) {
    return settings.endpoints().containsKey(provider);
  }

  @Override
  public CaptchaVerdict verify(CaptchaProvider provider, CaptchaAnswer answer) {
    SiteverifyEndpoint endpoint = settings.endpoints().get(provider);
    if (endpoint == null) {
      outages.log(Level.WARNING, provider.wireName() + " has no secret here; joins not verified");
      return CaptchaVerdict.UNAVAILABLE;
    }
    if (!inFlight.tryAcquire()) {
      outages.log(
          Level.WARNING,
          provider.wireName()
              + ": "
              + settings.maxConcurrent()
              + " verifications already in flight; the provider is slow");
      return CaptchaVerdict.UNAVAILABLE;
    }
    try {
      return ask(provider, endpoint, answer);
    } finally {
      inFlight.release();
    }
  }

  private CaptchaVerdict ask(
      CaptchaProvider provider, SiteverifyEndpoint endpoint, CaptchaAnswer answer) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(endpoint.secret(), answer)))
            .build();
    CompletableFuture<HttpResponse<byte[]>> call =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      // The request timeout ends at the headers; this deadline also covers a body that trickles.
      response = call.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      return unavailable(provider, "no answer within " + settings.timeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      return unavailable(provider, "unreachable (" + e.getCause().getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return CaptchaVerdict.UNAVAILABLE;
    }
    if (response.statusCode() != 200) {
      return unavailable(provider, "answered HTTP " + response.statusCode());
    }
    SiteverifyReply reply;
    try {
      reply = JSON.readValue(response.body(), SiteverifyReply.class);
    } catch (IOException e) {
      return unavailable(provider, "answered something that is not siteverify JSON");
    }
    if (reply == null || reply.success() == null) {
      return unavailable(provider, "answered JSON without success");
    }
    return judge(provider, reply);
  }

  private CaptchaVerdict judge(CaptchaProvider provider, SiteverifyReply reply) {
    if (reply.success()) {
      return CaptchaVerdict.PASSED;
    }
    List<String> codes = reply.errorCodes();
    if (codes.stream().anyMatch(NOT_JUDGED::contains)) {
      // A wrong secret would otherwise turn every person away as a bot.
      return unavailable(provider, "could not judge the token: " + codes);
    }
    refusals.log(Level.INFO, provider.wireName() + " refused a token: " + codes);
    return CaptchaVerdict.FAILED;
  }

  private CaptchaVerdict unavailable(CaptchaProvider provider, String why) {
    outages.log(Level.WARNING, provider.wireName() + " siteverify " + why);
    return CaptchaVerdict.UNAVAILABLE;
  }

  static String form(String secret, CaptchaAnswer answer) {
    StringBuilder form =
        new StringBuilder("secret=")
            .append(encode(secret))
            .append("&response=")
            .append(encode(answer.token()));
    answer.clientAddress().ifPresent(ip -> form.append("&remoteip=").append(encode(ip)));
    return form.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
