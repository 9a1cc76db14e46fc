package io.queuegate.app;

import io.queuegate.adapter.http.filter.CorsPolicy;
import io.queuegate.adapter.http.operations.VersionInfo;
import io.queuegate.adapter.http.queue.PushSettings;
import io.queuegate.adapter.jwt.AdmissionKeySettings;
import io.queuegate.adapter.jwt.EnqueueTokenSettings;
import io.queuegate.adapter.redis.RedisSettings;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.service.EtaSettings;
import io.queuegate.domain.service.HeartbeatCadence;
import io.queuegate.domain.service.MirrorSettings;
import io.queuegate.domain.service.PollingHintSettings;
import java.time.Duration;
import java.util.Optional;

/** Everything the service reads from configuration, mapped once into plain values. */
public record AppSettings(
    ServerSettings server,
    StoreKind store,
    QueuePolicy defaultPolicy,
    Duration policyCache,
    EtaSettings eta,
    PollingHintSettings pollingHint,
    JobSettings jobs,
    IdempotencySettings idempotency,
    RateLimitSettings rateLimit,
    int maxBodyBytes,
    Duration readinessTimeout,
    Optional<String> adminToken,
    AdmissionKeySettings admissionKeys,
    EnqueueTokenSettings enqueueTokens,
    RedisSettings redis,
    VersionInfo version,
    PushSettings push,
    CorsPolicy cors,
    GateConfig gate,
    ProofOfWorkConfig proofOfWork,
    CaptchaConfig captcha,
    MirrorSettings mirror) {

  public AppSettings {
    if (store == StoreKind.REDIS
        && admissionKeys.ephemeral()
        && !admissionKeys.ephemeralAllowed()) {
      throw new IllegalArgumentException(
          "store redis needs admission signing keys that every instance shares: set"
              + " QUEUEGATE_ADMISSION_TOKEN_JWKS or QUEUEGATE_ADMISSION_TOKEN_JWKS_FILE"
              + " (queuegate.admission-token.jwks). Without them each instance signs with a key"
              + " of its own, and its admission tokens fail to verify on every other instance."
              + " For development only, QUEUEGATE_ADMISSION_TOKEN_ALLOW_EPHEMERAL=true starts"
              + " anyway.");
    }
    if (store == StoreKind.REDIS
        && gate.sessionSecret().isEmpty()
        && !admissionKeys.ephemeralAllowed()) {
      throw new IllegalArgumentException(
          "store redis needs a gate session secret that every instance shares: set"
              + " QUEUEGATE_GATE_SESSION_SECRET or QUEUEGATE_GATE_SESSION_SECRET_FILE"
              + " (queuegate.gate.session-secret, at least 32 bytes). Without it each instance"
              + " signs session cookies with a secret of its own, and a visitor whose next"
              + " request reaches another instance is sent back to the line. For development"
              + " only, QUEUEGATE_ADMISSION_TOKEN_ALLOW_EPHEMERAL=true starts anyway.");
    }
    // Refused at start rather than at the first reaped waiter.
    Duration shortest = heartbeatCadence(pollingHint, push).shortestTimeout();
    if (defaultPolicy.heartbeatTimeout().compareTo(shortest) < 0) {
      throw new IllegalArgumentException(
          "queuegate.policy.heartbeat-timeout must be at least "
              + shortest.toSeconds()
              + " s: clients are asked back within a third of it, and the polling hint's floor,"
              + " the status stream's check interval and a Retry-After (1 s) are never shorter");
    }
  }

  /** How often clients are asked for a sign of life, against each event's heartbeat timeout. */
  public HeartbeatCadence heartbeatCadence() {
    return heartbeatCadence(pollingHint, push);
  }

  private static HeartbeatCadence heartbeatCadence(PollingHintSettings hint, PushSettings push) {
    return HeartbeatCadence.of(hint.floor(), push.checkEvery());
  }

  /**
   * Reads {@code application.yaml} with {@code env} overriding any key by its variable name ({@code
   * QUEUEGATE_POLICY_READY_WINDOW} for {@code queuegate.policy.ready-window}).
   */
  public static AppSettings load(java.util.Map<String, String> env) {
    return SettingsMapper.map(ConfigLoader.load(env), VersionReader.read());
  }

  /** Same settings on another port (0 picks a free one), for tests and tools. */
  public AppSettings withPort(int port) {
    return new AppSettings(
        new ServerSettings(server.host(), port, server.shutdownGrace()),
        store,
        defaultPolicy,
        policyCache,
        eta,
        pollingHint,
        jobs,
        idempotency,
        rateLimit,
        maxBodyBytes,
        readinessTimeout,
        adminToken,
        admissionKeys,
        enqueueTokens,
        redis,
        version,
        push,
        cors,
        gate,
        proofOfWork,
        captcha,
        mirror);
  }

  /** Keeps secrets out of logs and exception messages. */
  @Override
  public String toString() {
    return "AppSettings[server=%s, store=%s, policy=%s, admin=%s]"
        .formatted(server, store, defaultPolicy, adminToken.isPresent() ? "set" : "off");
  }
}
