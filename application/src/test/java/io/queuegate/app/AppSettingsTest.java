package io.queuegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.adapter.redis.RedisSettings;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.service.EtaSettings;
import io.queuegate.domain.service.PollingHintSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {
  // Settings only carry the key set; the JWT adapter reads it when the service starts.
  private static final String ADMISSION_JWKS = "{\"keys\":[]}";

  @Test
  void noEnvironment_givesTheSpecificationDefaults() {
    AppSettings settings = AppSettings.load(Map.of());

    assertThat(settings.defaultPolicy()).isEqualTo(QueuePolicy.defaults());
    assertThat(settings.server().port()).isEqualTo(8000);
    assertThat(settings.store()).isEqualTo(StoreKind.MEMORY);
    assertThat(settings.jobs().reapInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.jobs().flushInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.idempotency().replayFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.maxBodyBytes()).isEqualTo(8192);
    assertThat(settings.readinessTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.rateLimit().failOpen()).isTrue();
    assertThat(settings.adminToken()).isEmpty();
    assertThat(settings.eta()).isEqualTo(EtaSettings.defaults());
    assertThat(settings.pollingHint()).isEqualTo(PollingHintSettings.defaults());
  }

  @Test
  void environmentVariableNamedAfterAKey_overridesIt() {
    AppSettings settings =
        AppSettings.load(
            Map.of(
                "SERVER_PORT", "9001",
                "QUEUEGATE_POLICY_READY_WINDOW", "7",
                "QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT30S",
                "QUEUEGATE_RATE_LIMIT_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.0.0/16",
                "QUEUEGATE_ADMIN_TOKEN", "s3cret"));

    assertThat(settings.server().port()).isEqualTo(9001);
    assertThat(settings.defaultPolicy().readyWindow()).isEqualTo(7);
    assertThat(settings.defaultPolicy().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.rateLimit().clients().trustedProxies())
        .containsExactly("10.0.0.0/8", "192.168.0.0/16");
    assertThat(settings.adminToken()).contains("s3cret");
  }

  @Test
  void defaultLimits_fitManyPeopleBehindOneAddress() {
    RateLimitSettings limits = AppSettings.load(Map.of()).rateLimit();

    assertThat(limits.limits().join()).isEqualTo(new Gcra(5, 300));
    assertThat(limits.limits().token()).isEqualTo(new Gcra(5, 20));
    assertThat(limits.limits().unknownToken()).isEqualTo(new Gcra(10, 200));
    assertThat(limits.limits().verify()).isEqualTo(new Gcra(500, 1000));
    assertThat(limits.limits().client()).isEqualTo(new Gcra(50, 500));
    assertThat(limits.clients().ipv6PrefixLength()).isEqualTo(64);
    assertThat(limits.clients().backendNetworks()).isEmpty();
  }

  @Test
  void environment_overridesEachLimitAndTheClientNetworks() {
    RateLimitSettings limits =
        AppSettings.load(
                Map.of(
                    "QUEUEGATE_RATE_LIMIT_JOIN_PER_SEC", "20",
                    "QUEUEGATE_RATE_LIMIT_JOIN_BURST", "40",
                    "QUEUEGATE_RATE_LIMIT_TOKEN_BURST", "7",
                    "QUEUEGATE_RATE_LIMIT_IPV6_PREFIX", "56",
                    "QUEUEGATE_RATE_LIMIT_BACKEND_NETWORKS", "192.0.2.0/24"))
            .rateLimit();

    assertThat(limits.limits().join()).isEqualTo(new Gcra(20, 40));
    assertThat(limits.limits().token()).isEqualTo(new Gcra(5, 7));
    assertThat(limits.clients().ipv6PrefixLength()).isEqualTo(56);
    assertThat(limits.clients().backendNetworks()).containsExactly("192.0.2.0/24");
  }

  @Test
  void badBackendNetwork_isRefusedAtStartup() {
    assertThatThrownBy(
            () -> AppSettings.load(Map.of("QUEUEGATE_RATE_LIMIT_BACKEND_NETWORKS", "not-a-cidr")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretFromFile_winsAndIsNeverPrinted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("admin-token");
    Files.writeString(file, "from-file\n");

    AppSettings settings = AppSettings.load(Map.of("QUEUEGATE_ADMIN_TOKEN_FILE", file.toString()));

    assertThat(settings.adminToken()).contains("from-file");
    assertThat(settings.toString()).doesNotContain("from-file");
  }

  @Test
  void corsOrigins_areNoneByDefault_andReadFromTheEnvironment() {
    assertThat(AppSettings.load(Map.of()).cors().allowedOrigins()).isEmpty();

    AppSettings settings =
        AppSettings.load(
            Map.of(
                "QUEUEGATE_HTTP_CORS_ALLOWED_ORIGINS",
                "https://shop.example/, http://localhost:3000"));

    assertThat(settings.cors().allowedOrigins())
        .containsExactlyInAnyOrder("https://shop.example", "http://localhost:3000");
  }

  @Test
  void corsWildcard_isRefusedWithTheRule() {
    assertThatThrownBy(() -> AppSettings.load(Map.of("QUEUEGATE_HTTP_CORS_ALLOWED_ORIGINS", "*")))
        .hasMessageContaining("scheme://host[:port]");
  }

  @Test
  void unknownStore_isRefusedWithAClearMessage() {
    assertThatThrownBy(() -> AppSettings.load(Map.of("QUEUEGATE_STORE", "etcd")))
        .hasMessageContaining("memory or redis");
  }

  @Test
  void badDuration_namesTheKey() {
    assertThatThrownBy(() -> AppSettings.load(Map.of("QUEUEGATE_REAPER_INTERVAL", "5 seconds")))
        .hasMessageContaining("reaper.interval");
  }

  @Test
  void positionTierVariable_forcesTheScanTier_andDefaultsToTheIndex() {
    AppSettings forced = AppSettings.load(Map.of("QUEUEGATE_REDIS_POSITION_TIER", "scan"));

    assertThat(forced.redis().positionTier()).isEqualTo(RedisSettings.PositionTier.SCAN);
    assertThat(AppSettings.load(Map.of()).redis().positionTier())
        .isEqualTo(RedisSettings.PositionTier.INDEX);
  }

  @Test
  void redisStoreWithoutAdmissionKeys_isRefused_becauseEachInstanceWouldSignWithItsOwnKey() {
    assertThatThrownBy(() -> AppSettings.load(Map.of("QUEUEGATE_STORE", "redis")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QUEUEGATE_ADMISSION_TOKEN_JWKS")
        .hasMessageContaining("QUEUEGATE_ADMISSION_TOKEN_ALLOW_EPHEMERAL");
  }

  @Test
  void redisStoreWithoutAdmissionKeys_startsOnlyWithTheDevelopmentSwitch() {
    AppSettings settings =
        AppSettings.load(
            Map.of(
                "QUEUEGATE_STORE", "redis",
                "QUEUEGATE_ADMISSION_TOKEN_ALLOW_EPHEMERAL", "true"));

    assertThat(settings.store()).isEqualTo(StoreKind.REDIS);
    assertThat(settings.admissionKeys().jwkSetJson()).isEmpty();
  }

  @Test
  void redisStoreWithoutAGateSessionSecret_isRefused_becauseCookiesWouldFailOnOtherInstances() {
    Map<String, String> redis =
        Map.of("QUEUEGATE_STORE", "redis", "QUEUEGATE_ADMISSION_TOKEN_JWKS", ADMISSION_JWKS);

    assertThatThrownBy(() -> AppSettings.load(redis))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QUEUEGATE_GATE_SESSION_SECRET");
    Map<String, String> withSecret = new java.util.HashMap<>(redis);
    withSecret.put("QUEUEGATE_GATE_SESSION_SECRET", "0123456789abcdef0123456789abcdef");
    assertThat(AppSettings.load(withSecret).gate().sessionSecret()).isPresent();
  }

  @Test
  void memoryStoreWithoutAdmissionKeys_needsNoSwitch() {
    assertThat(AppSettings.load(Map.of()).admissionKeys().jwkSetJson()).isEmpty();
  }

  @Test
  void enqueueTokenKeysWithoutAnIssuer_areRefused() {
    assertThatThrownBy(
            () ->
                AppSettings.load(
                    Map.of(
                        "QUEUEGATE_ENQUEUE_TOKEN_HS256_SECRET",
                        "shop-secret-0123456789abcdef0123456789")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enqueue-token issuer");
  }

  @Test
  void rateLimitWhoseBurstOverflowsAtItsRate_isRefused() {
    assertThatThrownBy(
            () ->
                AppSettings.load(
                    Map.of(
                        "QUEUEGATE_RATE_LIMIT_PER_SEC", "0.000001",
                        "QUEUEGATE_RATE_LIMIT_BURST", "1000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("burst");
  }

  @Test
  void defaultHeartbeatTimeoutBelowThreeTimesTheFastestPoll_isRefusedAtStart() {
    assertThatThrownBy(() -> AppSettings.load(Map.of("QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT2S")))
        .hasMessageContaining("queuegate.policy.heartbeat-timeout must be at least 3 s");
    // A stream that checks its waiter every 5 s needs 15 s at least.
    assertThatThrownBy(
            () ->
                AppSettings.load(
                    Map.of(
                        "QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT10S",
                        "QUEUEGATE_SSE_CHECK_INTERVAL", "PT5S",
                        "QUEUEGATE_SSE_RESEND_INTERVAL", "PT15S")))
        .hasMessageContaining("at least 15 s");
    assertThat(
            AppSettings.load(Map.of("QUEUEGATE_POLICY_HEARTBEAT_TIMEOUT", "PT3S"))
                .defaultPolicy()
                .heartbeatTimeout())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void reaperSettings_defaultToEightEventsAtOnceAndHalfAnHourOfOutageAllowance() {
    JobSettings jobs = AppSettings.load(Map.of()).jobs();

    assertThat(jobs.reapConcurrency()).isEqualTo(8);
    assertThat(jobs.outageAllowance()).isEqualTo(Duration.ofMinutes(30));
    assertThat(
            AppSettings.load(Map.of("QUEUEGATE_REAPER_CONCURRENCY", "2")).jobs().reapConcurrency())
        .isEqualTo(2);
  }

  @Test
  void captcha_withoutSecrets_hasNoProvider() {
    AppSettings settings = AppSettings.load(Map.of());

    assertThat(settings.captcha().endpoints()).isEmpty();
    assertThat(settings.captcha().widgets()).isEmpty();
    assertThat(settings.captcha().timeout()).isEqualTo(java.time.Duration.ofSeconds(2));
  }

  @Test
  void captchaSecretFromFile_turnsItsProviderOn_withTheDocumentedEndpoints(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("turnstile");
    Files.writeString(file, "turnstile-secret\n");

    AppSettings settings =
        AppSettings.load(Map.of("QUEUEGATE_CAPTCHA_TURNSTILE_SECRET_FILE", file.toString()));

    var endpoint = settings.captcha().endpoints().get(CaptchaProvider.TURNSTILE);
    assertThat(endpoint.secret()).isEqualTo("turnstile-secret");
    assertThat(endpoint.url())
        .hasToString("https://challenges.cloudflare.com/turnstile/v0/siteverify");
    assertThat(settings.captcha().widgets().get(CaptchaProvider.TURNSTILE).script())
        .hasToString("https://challenges.cloudflare.com/turnstile/v0/api.js");
    assertThat(settings.captcha().endpoints()).doesNotContainKey(CaptchaProvider.HCAPTCHA);
    assertThat(settings.captcha().toString()).doesNotContain("turnstile-secret");
  }

  @Test
  void captchaSiteverifyUrl_isConfigurable() {
    AppSettings settings =
        AppSettings.load(
            Map.of(
                "QUEUEGATE_CAPTCHA_HCAPTCHA_SECRET", "0x0000000000000000000000000000000000000000",
                "QUEUEGATE_CAPTCHA_HCAPTCHA_SITEVERIFY_URL", "http://127.0.0.1:9/siteverify"));

    assertThat(settings.captcha().endpoints().get(CaptchaProvider.HCAPTCHA).url())
        .hasToString("http://127.0.0.1:9/siteverify");
  }
}
