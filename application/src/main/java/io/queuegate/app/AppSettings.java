package io.queuegate.app;

import io.queuegate.adapter.http.operations.VersionInfo;
import io.queuegate.adapter.http.queue.PushSettings;
import io.queuegate.adapter.jwt.AdmissionKeySettings;
import io.queuegate.adapter.jwt.EnqueueTokenSettings;
import io.queuegate.adapter.redis.RedisSettings;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.service.EtaSettings;
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
    GateConfig gate) {

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
        gate);
  }

  /** Keeps secrets out of logs and exception messages. */
  @Override
  public String toString() {
    return "AppSettings[server=%s, store=%s, policy=%s, admin=%s]"
        .formatted(server, store, defaultPolicy, adminToken.isPresent() ? "set" : "off");
  }
}
