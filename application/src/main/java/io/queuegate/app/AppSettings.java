package io.queuegate.app;

import io.queuegate.adapter.http.VersionInfo;
import io.queuegate.adapter.http.jwt.AdmissionKeySettings;
import io.queuegate.adapter.http.jwt.EnqueueTokenSettings;
import io.queuegate.domain.model.QueuePolicy;
import java.time.Duration;
import java.util.Optional;

/** Everything the service reads from configuration, mapped once into plain values. */
public record AppSettings(
    ServerSettings server,
    StoreKind store,
    QueuePolicy defaultPolicy,
    Duration policyCache,
    JobSettings jobs,
    IdempotencySettings idempotency,
    RateLimitSettings rateLimit,
    int maxBodyBytes,
    Duration readinessTimeout,
    Optional<String> adminToken,
    AdmissionKeySettings admissionKeys,
    EnqueueTokenSettings enqueueTokens,
    VersionInfo version) {

  /** Same settings on another port (0 picks a free one), for tests and tools. */
  public AppSettings withPort(int port) {
    return new AppSettings(
        new ServerSettings(server.host(), port, server.shutdownGrace()),
        store,
        defaultPolicy,
        policyCache,
        jobs,
        idempotency,
        rateLimit,
        maxBodyBytes,
        readinessTimeout,
        adminToken,
        admissionKeys,
        enqueueTokens,
        version);
  }

  /** Keeps secrets out of logs and exception messages. */
  @Override
  public String toString() {
    return "AppSettings[server=%s, store=%s, policy=%s, admin=%s]"
        .formatted(server, store, defaultPolicy, adminToken.isPresent() ? "set" : "off");
  }
}
