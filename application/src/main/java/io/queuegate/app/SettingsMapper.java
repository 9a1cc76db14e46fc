package io.queuegate.app;

import io.helidon.config.Config;
import io.queuegate.adapter.captcha.SiteverifyEndpoint;
import io.queuegate.adapter.http.filter.ClientSettings;
import io.queuegate.adapter.http.filter.CorsPolicy;
import io.queuegate.adapter.http.operations.VersionInfo;
import io.queuegate.adapter.http.page.CaptchaWidget;
import io.queuegate.adapter.http.queue.PushSettings;
import io.queuegate.adapter.jwt.AdmissionKeySettings;
import io.queuegate.adapter.jwt.EnqueueTokenSettings;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.service.EtaSettings;
import io.queuegate.domain.service.MirrorSettings;
import io.queuegate.domain.service.PollingHintSettings;
import io.queuegate.domain.service.RateLimits;
import io.queuegate.domain.service.gate.GateSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps Helidon {@link Config} into {@link AppSettings}; the only place that reads config keys. */
final class SettingsMapper {

  private SettingsMapper() {}

  static AppSettings map(Config root, VersionInfo version) {
    Config q = root.get("queuegate");
    return new AppSettings(
        new ServerSettings(
            root.get("server.host").asString().get(),
            root.get("server.port").asInt().get(),
            duration(root.get("server.shutdown-grace"))),
        StoreKind.parse(q.get("store").asString().get()),
        policy(q.get("policy")),
        duration(q.get("policy-cache")),
        new EtaSettings(
            q.get("eta.weight-60s").asDouble().get(),
            q.get("eta.weight-300s").asDouble().get(),
            q.get("eta.weight-900s").asDouble().get(),
            q.get("eta.safety-factor").asDouble().get(),
            duration(q.get("eta.max")).toSeconds()),
        new PollingHintSettings(
            q.get("polling-hint.share-of-wait-until-ready").asDouble().get(),
            duration(q.get("polling-hint.near-head")),
            duration(q.get("polling-hint.ceiling")),
            q.get("polling-hint.jitter").asDouble().get(),
            duration(q.get("polling-hint.floor"))),
        new JobSettings(
            duration(q.get("reaper.interval")),
            q.get("reaper.batch-size").asInt().get(),
            duration(q.get("heartbeat.flush-interval")),
            q.get("reaper.concurrency").asInt().get(),
            duration(q.get("reaper.outage-allowance"))),
        new IdempotencySettings(
            duration(q.get("idempotency.replay-for")),
            duration(q.get("idempotency.in-flight-for"))),
        rateLimit(q.get("rate-limit")),
        q.get("http.max-body-bytes").asInt().get(),
        duration(q.get("readiness-timeout")),
        Secrets.read(q, "admin-token"),
        new AdmissionKeySettings(
            q.get("admission-token.issuer").asString().get(),
            Secrets.read(q, "admission-token.jwks"),
            nonBlank(q.get("admission-token.signing-kid").asString().orElse("")),
            q.get("admission-token.allow-ephemeral").asBoolean().get()),
        new EnqueueTokenSettings(
            nonBlank(q.get("enqueue-token.issuer").asString().orElse("")),
            Secrets.read(q, "enqueue-token.hs256-secret"),
            Secrets.read(q, "enqueue-token.jwks")),
        RedisSettingsMapper.map(q.get("redis"), Secrets.read(q, "redis.password")),
        version,
        new PushSettings(
            q.get("sse.max-streams").asInt().get(),
            duration(q.get("sse.check-interval")),
            duration(q.get("sse.resend-interval")),
            duration(q.get("sse.retry-after")),
            q.get("sse.max-streams-per-token").asInt().get(),
            q.get("sse.max-streams-per-client").asInt().get()),
        CorsPolicy.allowing(list(q.get("http.cors.allowed-origins").asString().orElse(""))),
        gate(q.get("gate"), Secrets.read(q, "gate.session-secret")),
        new ProofOfWorkConfig(
            Secrets.read(q, "proof-of-work.secret"),
            duration(q.get("proof-of-work.challenge-ttl")),
            q.get("proof-of-work.prefix-rate-per-sec").asDouble().get(),
            q.get("proof-of-work.event-rate-per-sec").asDouble().get(),
            duration(q.get("proof-of-work.window"))),
        captcha(q.get("captcha")),
        mirror(q.get("mirror")));
  }

  /** docs/design.md#line-mirror; the read batch, drop time and longest backoff are fixed. */
  private static MirrorSettings mirror(Config m) {
    MirrorSettings d = MirrorSettings.defaults();
    return new MirrorSettings(
        m.get("enabled").asBoolean().get(),
        m.get("min-rate-per-sec").asDouble().get(),
        m.get("max-events").asInt().get(),
        duration(m.get("poll")),
        duration(m.get("quiet-poll")),
        duration(m.get("staleness")),
        m.get("page-size").asInt().get(),
        d.readBatch(),
        d.dropAfter(),
        d.maxBackoff());
  }

  /** Only providers with a secret are configured; the others cannot be named in a policy. */
  private static CaptchaConfig captcha(Config c) {
    Map<CaptchaProvider, SiteverifyEndpoint> endpoints = new EnumMap<>(CaptchaProvider.class);
    Map<CaptchaProvider, CaptchaWidget> widgets = new EnumMap<>(CaptchaProvider.class);
    for (CaptchaProvider provider : CaptchaProvider.values()) {
      Config p = c.get(provider.wireName());
      Secrets.read(c, provider.wireName() + ".secret")
          .ifPresent(
              secret -> {
                endpoints.put(
                    provider, new SiteverifyEndpoint(uri(p.get("siteverify-url")), secret));
                widgets.put(
                    provider,
                    new CaptchaWidget(
                        uri(p.get("widget-url")),
                        list(p.get("csp-sources").asString().orElse(""))));
              });
    }
    return new CaptchaConfig(
        duration(c.get("timeout")), c.get("max-concurrent").asInt().get(), endpoints, widgets);
  }

  private static URI uri(Config node) {
    String raw = node.asString().get();
    try {
      return URI.create(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(node.key() + " must be a URL, not: " + raw, e);
    }
  }

  private static GateConfig gate(Config g, Optional<String> secret) {
    return new GateConfig(
        g.get("public-path").asString().get(),
        g.get("secure-cookies").asBoolean().get(),
        secret,
        new GateSettings(
            g.get("renew-after").asDouble().get(),
            duration(g.get("closed-retry-after")),
            duration(g.get("crawler-retry-after")),
            duration(g.get("refresh-interval")),
            list(g.get("crawler-agents").asString().orElse(""))),
        RoomSeeds.read(g.get("rooms-file").asString().orElse("")));
  }

  private static RateLimitSettings rateLimit(Config r) {
    return new RateLimitSettings(
        new RateLimits(
            gcra(r, "join-"),
            gcra(r, "token-"),
            gcra(r, "unknown-token-"),
            gcra(r, "verify-"),
            gcra(r, "")),
        r.get("fail-open").asBoolean().get(),
        new ClientSettings(
            list(r.get("trusted-proxies").asString().orElse("")),
            r.get("ipv6-prefix").asInt().get(),
            list(r.get("backend-networks").asString().orElse(""))));
  }

  /** {@code <prefix>per-sec} and {@code <prefix>burst}. */
  private static Gcra gcra(Config r, String prefix) {
    return new Gcra(
        r.get(prefix + "per-sec").asDouble().get(), r.get(prefix + "burst").asLong().get());
  }

  private static QueuePolicy policy(Config p) {
    return QueuePolicy.builder()
        .readyWindow(p.get("ready-window").asLong().get())
        .admissionRatePerSec(p.get("admission-rate-per-sec").asDouble().get())
        .admissionBurst(p.get("admission-burst").asLong().get())
        .maxActive(p.get("max-active").asLong().get())
        .maxWaiting(p.get("max-waiting").asLong().get())
        .heartbeatTimeout(duration(p.get("heartbeat-timeout")))
        .admissionTtl(duration(p.get("admission-ttl")))
        .requireEnqueueToken(p.get("require-enqueue-token").asBoolean().get())
        .requireProofOfWork(p.get("require-proof-of-work").asBoolean().orElse(false))
        .proofOfWorkDifficulty(
            p.get("proof-of-work-difficulty").asLong().orElse(QueuePolicy.DEFAULT_DIFFICULTY))
        .build();
  }

  static Duration duration(Config node) {
    String raw = node.asString().get();
    try {
      return Duration.parse(raw);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          node.key() + " must be an ISO-8601 duration such as PT5S, not: " + raw, e);
    }
  }

  static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Optional<String> nonBlank(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
