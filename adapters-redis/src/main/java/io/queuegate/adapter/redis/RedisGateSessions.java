package io.queuegate.adapter.redis;

import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Revocation;
import io.queuegate.domain.port.out.GateSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gate sessions in Redis, on the event's slot: admitting at once is gate_admit.lua, renewals are
 * gate_extend.lua (one call per event and flush), an end is gate_end.lua, and the revocations are
 * read with one ZRANGEBYSCORE.
 */
final class RedisGateSessions implements GateSessions {
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final RedisSettings settings;
  private final Housekeeping housekeeping;

  RedisGateSessions(
      RedisLink link,
      RedisCalls calls,
      ScriptRunner scripts,
      RedisSettings settings,
      Housekeeping housekeeping) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.settings = settings;
    this.housekeeping = housekeeping;
  }

  @Override
  public AtOnceResult admitAtOnce(AtOnceAttempt attempt, Instant now) {
    RedisKeys keys = new RedisKeys(attempt.eventId());
    List<Object> reply =
        scripts.run(
            Script.GATE_ADMIT,
            List.of(
                keys.position(),
                keys.legacy(),
                keys.live(),
                keys.limiter(),
                keys.admissions(),
                keys.stats(),
                keys.policy(),
                keys.preQueue(),
                keys.preQueueUnscored()),
            List.of(
                Script.flag(attempt.counted()),
                Script.flag(attempt.admissionPaused()),
                Long.toString(attempt.limiter().emissionIntervalNanos()),
                Long.toString(attempt.limiter().toleranceNanos()),
                Long.toString(attempt.maxActive()),
                attempt.admissionId(),
                Long.toString(attempt.expiresAt().toEpochMilli()),
                Long.toString(now.toEpochMilli()),
                Long.toString(now.getEpochSecond()),
                Integer.toString(now.getNano()),
                Script.flag(settings.legacyZset()),
                EtaWindowArgs.LONGEST_MILLIS,
                housekeeping.idleRetentionMillis()));
    return switch (Replies.tag(reply)) {
      case "admitted" -> AtOnceResult.ADMITTED;
      case "line" -> AtOnceResult.LINE_NOT_EMPTY;
      case "paused" -> AtOnceResult.PAUSED;
      case "max_active" -> AtOnceResult.MAX_ACTIVE;
      case "no_capacity" -> AtOnceResult.NO_CAPACITY;
      default -> throw Replies.unexpected(Script.GATE_ADMIT, reply);
    };
  }

  @Override
  public void extend(EventId eventId, Map<String, Instant> expiries, Instant now) {
    if (expiries.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(1 + 2 * expiries.size());
    args.add(Long.toString(now.toEpochMilli()));
    expiries.forEach(
        (id, until) -> {
          args.add(id);
          args.add(Long.toString(until.toEpochMilli()));
        });
    scripts.run(Script.GATE_EXTEND, List.of(new RedisKeys(eventId).live()), args);
  }

  @Override
  public boolean end(EventId eventId, String admissionId, Duration remember, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    List<Object> reply =
        scripts.run(
            Script.GATE_END,
            List.of(keys.live(), keys.revoked()),
            List.of(
                admissionId,
                Long.toString(now.toEpochMilli()),
                Long.toString(Math.max(1, remember.toMillis()))));
    return CountReply.from(reply).happened();
  }

  @Override
  public List<Revocation> revokedSince(EventId eventId, Instant since) {
    List<ScoredValue<String>> members =
        calls.await(
            link.commands()
                .zrangebyscoreWithScores(
                    new RedisKeys(eventId).revoked(),
                    Range.create((double) since.toEpochMilli(), Double.POSITIVE_INFINITY)));
    return members.stream()
        .map(m -> new Revocation(m.getValue(), Instant.ofEpochMilli((long) m.getScore())))
        .toList();
  }
}
