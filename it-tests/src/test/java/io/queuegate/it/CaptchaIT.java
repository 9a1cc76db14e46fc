package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CAPTCHA at join (docs/design.md#captcha) on the in-memory store and on Redis standalone, against
 * {@link StandInCaptchaProvider}, a local stand-in of the siteverify protocol (no real provider can
 * be reached from here): pass, fail, a provider that does not answer in time under both outage
 * policies, a provider error, a missing token, a provider without a secret, events without the
 * policy unchanged, and verifications per event in the metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptchaIT {
  private static final String SECRET = "it-turnstile-secret";
  private StandInCaptchaProvider provider;
  private final Map<String, ServiceHarness> services = new HashMap<>();

  @BeforeAll
  void start() {
    provider = new StandInCaptchaProvider(SECRET);
    Map<String, String> captcha =
        Map.of(
            "QUEUEGATE_CAPTCHA_TURNSTILE_SECRET",
            SECRET,
            "QUEUEGATE_CAPTCHA_TURNSTILE_SITEVERIFY_URL",
            provider.origin() + StandInCaptchaProvider.SITEVERIFY_PATH,
            "QUEUEGATE_CAPTCHA_TURNSTILE_WIDGET_URL",
            provider.origin() + StandInCaptchaProvider.WIDGET_PATH,
            // Short, so the held answers of the stand-in count as a provider outage quickly.
            "QUEUEGATE_CAPTCHA_TIMEOUT",
            "PT0.5S");
    services.put("memory", ServiceHarness.start(captcha));
    Map<String, String> redis =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    redis.putAll(captcha);
    services.put("redis", ServiceHarness.start(redis));
  }

  @AfterAll
  void stop() {
    services.values().forEach(ServiceHarness::close);
    if (provider != null) {
      provider.close();
    }
  }

  private Api api(String store) {
    return services.get(store).api;
  }

  private String captchaEvent(String store, String onOutage) {
    String event = "cap-" + UUID.randomUUID().toString().substring(0, 8);
    Reply put =
        api(store)
            .adminPut(
                event,
                "{\"captcha_provider\":\"turnstile\",\"captcha_site_key\":\"0x4AAAAAAA-it\","
                    + "\"captcha_on_outage\":\""
                    + onOutage
                    + "\"}");
    assertThat(put.status()).as("policy: %s", put.body()).isEqualTo(200);
    return event;
  }

  private static String token(String kind) {
    return kind + "-" + UUID.randomUUID();
  }

  private long waiting(String store, String event) {
    return api(store).adminGet(event).body().path("stats").path("waiting").asLong();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void passedToken_joins_andTheProviderGotSecretTokenAndClientAddress(String store) {
    String event = captchaEvent(store, "refuse");
    String token = token("pass");

    Reply r = api(store).joinWithCaptcha(event, token);

    assertThat(r.status()).as("join: %s", r.body()).isEqualTo(202);
    assertThat(provider.verifications())
        .contains(new StandInCaptchaProvider.Verification(SECRET, token, "127.0.0.1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void refusedToken_is403InvalidCaptcha_andTakesNoPlace(String store) {
    String event = captchaEvent(store, "admit");

    Reply r = api(store).joinWithCaptcha(event, token("fail"));

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("INVALID_CAPTCHA");
    assertThat(waiting(store, event)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void missingToken_is403CaptchaRequired_withoutAskingTheProvider(String store) {
    String event = captchaEvent(store, "admit");
    int asked = provider.verifications().size();

    Reply r = api(store).join(event);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("CAPTCHA_REQUIRED");
    assertThat(provider.verifications()).hasSize(asked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void providerTimeout_underAdmit_letsTheJoinThrough(String store) {
    String event = captchaEvent(store, "admit");
    String token = token("slow");

    Reply r = api(store).joinWithCaptcha(event, token);

    assertThat(r.status()).as("join: %s", r.body()).isEqualTo(202);
    assertThat(provider.verificationsOf(token)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void providerTimeout_underRefuse_is503CaptchaUnavailableWithRetryAfter(String store) {
    String event = captchaEvent(store, "refuse");

    Reply r = api(store).joinWithCaptcha(event, token("slow"));

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.errorCode()).isEqualTo("CAPTCHA_UNAVAILABLE");
    assertThat(r.raw().headers().firstValue("Retry-After")).contains("5");
    assertThat(waiting(store, event)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void providerError_underRefuse_is503_andUnderAdmitJoins(String store) {
    String refusing = captchaEvent(store, "refuse");
    String admitting = captchaEvent(store, "admit");

    assertThat(api(store).joinWithCaptcha(refusing, token("down")).status()).isEqualTo(503);
    assertThat(api(store).joinWithCaptcha(admitting, token("down")).status()).isEqualTo(202);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void eventWithoutThePolicy_joinsAsBefore_andNobodyIsAsked(String store) {
    String event = "plain-" + UUID.randomUUID().toString().substring(0, 8);
    int asked = provider.verifications().size();

    assertThat(api(store).join(event).status()).isEqualTo(202);
    assertThat(provider.verifications()).hasSize(asked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void providerWithoutASecretHere_isRefusedAtPut(String store) {
    Reply put =
        api(store)
            .adminPut(
                "cap-nosecret",
                "{\"captcha_provider\":\"recaptcha\",\"captcha_site_key\":\"6Le-it\"}");

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.errorCode()).isEqualTo("INVALID_POLICY");
    assertThat(put.body().path("error").path("message").asText())
        .contains("captcha_provider", "QUEUEGATE_CAPTCHA_RECAPTCHA_SECRET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void metrics_countVerificationsPerEventAndVerdict(String store) {
    String event = captchaEvent(store, "admit");
    api(store).joinWithCaptcha(event, token("pass"));
    api(store).joinWithCaptcha(event, token("fail"));
    api(store).joinWithCaptcha(event, token("fail"));
    api(store).joinWithCaptcha(event, token("slow"));
    api(store).join(event);

    String metrics = api(store).get("/metrics").raw().body();

    String series = "queue_captcha_verifications_total{event=\"" + event + "\",outcome=";
    assertThat(metrics)
        .contains(series + "\"passed\"} 1.0")
        .contains(series + "\"failed\"} 2.0")
        .contains(series + "\"unavailable\"} 1.0");
  }
}
