package io.queuegate.adapter.redis;

import io.queuegate.domain.model.CaptchaOutage;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An event's policy HASH as read: the policy (empty when there is none) and the version of the
 * write that made it. Every write sets a new random version, which {@code policy_swap.lua} compares
 * to make an update atomic. The waiting-page fields store "" for "none", so that one HSET also
 * clears them; a hash written before they existed reads as no page, and one written before proof of
 * work (or CAPTCHA) as not requiring it.
 */
record PolicyHash(Optional<QueuePolicy> policy, String version) {
  /** The version of an event with no policy hash. */
  static final String ABSENT = "";

  /** The version of a hash written before versions existed. */
  static final String UNVERSIONED = "none";

  static final String VERSION_FIELD = "version";

  /** Decodes HGETALL's fields; an empty map is an event without a policy. */
  static PolicyHash from(Map<String, String> f) {
    if (f == null || f.isEmpty()) {
      return new PolicyHash(Optional.empty(), ABSENT);
    }
    QueuePolicy policy =
        new QueuePolicy(
            Long.parseLong(f.get("ready_window")),
            Double.parseDouble(f.get("admission_rate_per_sec")),
            Long.parseLong(f.get("admission_burst")),
            Long.parseLong(f.get("max_active")),
            Long.parseLong(f.get("max_waiting")),
            Duration.ofMillis(Long.parseLong(f.get("heartbeat_timeout_ms"))),
            Duration.ofMillis(Long.parseLong(f.get("admission_ttl_ms"))),
            Boolean.parseBoolean(f.get("paused_joins")),
            Boolean.parseBoolean(f.get("paused_admission")),
            Boolean.parseBoolean(f.get("require_enqueue_token")),
            WaitingPage.of(
                f.get("target_url"),
                f.get("title"),
                TargetDelivery.parse(f.getOrDefault("target_delivery", "query"))),
            Boolean.parseBoolean(f.get("require_proof_of_work")),
            Long.parseLong(
                f.getOrDefault(
                    "proof_of_work_difficulty", Long.toString(QueuePolicy.DEFAULT_DIFFICULTY))),
            CaptchaPolicy.of(
                f.get("captcha_provider"),
                f.get("captcha_site_key"),
                CaptchaOutage.parse(f.getOrDefault("captcha_on_outage", "admit"))),
            schedule(f));
    return new PolicyHash(Optional.of(policy), f.getOrDefault(VERSION_FIELD, UNVERSIONED));
  }

  /** Every field of {@code policy}, the version left out. */
  static Map<String, String> fields(QueuePolicy policy) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ready_window", Long.toString(policy.readyWindow()));
    f.put("admission_rate_per_sec", Double.toString(policy.admissionRatePerSec()));
    f.put("admission_burst", Long.toString(policy.admissionBurst()));
    f.put("max_active", Long.toString(policy.maxActive()));
    f.put("max_waiting", Long.toString(policy.maxWaiting()));
    f.put("heartbeat_timeout_ms", Long.toString(policy.heartbeatTimeout().toMillis()));
    f.put("admission_ttl_ms", Long.toString(policy.admissionTtl().toMillis()));
    f.put("paused_joins", Boolean.toString(policy.pausedJoins()));
    f.put("paused_admission", Boolean.toString(policy.pausedAdmission()));
    f.put("require_enqueue_token", Boolean.toString(policy.requireEnqueueToken()));
    f.put("target_url", policy.page().targetUrl().orElse(""));
    f.put("title", policy.page().title().orElse(""));
    f.put("target_delivery", policy.page().targetDelivery().wireName());
    f.put("require_proof_of_work", Boolean.toString(policy.requireProofOfWork()));
    f.put("proof_of_work_difficulty", Long.toString(policy.proofOfWorkDifficulty()));
    f.put("captcha_provider", policy.captcha().provider().map(p -> p.wireName()).orElse(""));
    f.put("captcha_site_key", policy.captcha().siteKey().orElse(""));
    f.put("captcha_on_outage", policy.captcha().onOutage().wireName());
    Optional<SaleSchedule> schedule = policy.schedule();
    f.put("opens_at_ms", schedule.map(s -> Long.toString(s.opensAt().toEpochMilli())).orElse(""));
    f.put(
        "pre_queue_starts_at_ms",
        schedule.map(s -> Long.toString(s.preQueueStartsAt().toEpochMilli())).orElse(""));
    f.put("public_value_source", schedule.flatMap(SaleSchedule::publicValueSource).orElse(""));
    return f;
  }

  // "" (or a hash written before schedules existed) is no schedule.
  private static Optional<SaleSchedule> schedule(Map<String, String> f) {
    String opensAt = f.getOrDefault("opens_at_ms", "");
    if (opensAt.isEmpty()) {
      return Optional.empty();
    }
    String source = f.getOrDefault("public_value_source", "");
    return Optional.of(
        new SaleSchedule(
            Instant.ofEpochMilli(Long.parseLong(f.get("pre_queue_starts_at_ms"))),
            Instant.ofEpochMilli(Long.parseLong(opensAt)),
            source.isEmpty() ? Optional.empty() : Optional.of(source)));
  }

  /**
   * A version no earlier write had: random rather than counted, so a policy deleted and written
   * again can never bring back a version an update read before the delete.
   */
  static String newVersion() {
    return UUID.randomUUID().toString();
  }
}
