package io.queuegate.adapter.redis;

import io.lettuce.core.RedisFuture;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-event policies as one HASH per event, field by field. One HSET writes every field, so readers
 * never see half a policy. The waiting-page fields store "" for "none", so that the same HSET also
 * clears them; a hash written before they existed reads as no page. A configured event keeps its
 * counters: saving a policy makes them persistent, deleting it lets them expire once the line is
 * empty.
 */
final class RedisEventPolicies implements EventPolicies {
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final Housekeeping housekeeping;

  RedisEventPolicies(
      RedisLink link, RedisCalls calls, ScriptRunner scripts, Housekeeping housekeeping) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.housekeeping = housekeeping;
  }

  @Override
  public Optional<QueuePolicy> find(EventId eventId) {
    Map<String, String> f = calls.await(link.commands().hgetall(new RedisKeys(eventId).policy()));
    if (f == null || f.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
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
                TargetDelivery.parse(f.getOrDefault("target_delivery", "query")))));
  }

  @Override
  public void save(EventId eventId, QueuePolicy policy) {
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
    RedisKeys keys = new RedisKeys(eventId);
    RedisFuture<Long> saved = link.commands().hset(keys.policy(), f);
    RedisFuture<Boolean> kept = link.commands().persist(keys.stats()); // same flush, same slot
    calls.await(saved);
    calls.await(kept);
  }

  @Override
  public void delete(EventId eventId) {
    scripts.run(
        Script.FORGET_POLICY,
        new RedisKeys(eventId).lineKeys(),
        List.of(housekeeping.idleRetentionMillis()));
  }
}
