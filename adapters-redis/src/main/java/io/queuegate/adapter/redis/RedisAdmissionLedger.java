package io.queuegate.adapter.redis;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.port.out.AdmissionLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Admissions in Redis: the whole enter step is admit.lua, one script on the event's slot. */
final class RedisAdmissionLedger implements AdmissionLedger {
  private final ScriptRunner scripts;
  private final ScanFallback fallback;
  private final RedisSettings settings;
  private final Housekeeping housekeeping;

  RedisAdmissionLedger(
      ScriptRunner scripts,
      ScanFallback fallback,
      RedisSettings settings,
      Housekeeping housekeeping) {
    this.scripts = scripts;
    this.fallback = fallback;
    this.settings = settings;
    this.housekeeping = housekeeping;
  }

  @Override
  public Admission admit(AdmissionAttempt attempt, Instant now) {
    AdmitReply reply = tryAdmit(attempt, now);
    if (reply instanceof AdmitReply.IndexMiss miss) {
      // The index lost this waiter: tier 2 rebuilds it from the per-waiter keys, then retry once.
      Waiter probe =
          new Waiter(
              attempt.eventId(),
              attempt.waiterId(),
              miss.sequence(),
              Optional.empty(),
              Optional.empty(),
              now);
      OptionalLong position = fallback.position(new RedisKeys(attempt.eventId()), probe);
      reply = tryAdmit(attempt, now);
      if (reply instanceof AdmitReply.IndexMiss) {
        throw position.isPresent()
            ? NotReady.beyondWindow(
                position.getAsLong(), attempt.readyWindow(), attempt.limiter().ratePerSecond())
            : new StoreUnavailableException("position index missing", null);
      }
    }
    return switch (reply) {
      case AdmitReply.Admitted admitted ->
          new Admission(
              attempt.admissionId(),
              admitted.waiter().toWaiter(attempt.eventId(), attempt.waiterId(), now),
              now,
              now.plus(attempt.ttl()));
      case AdmitReply.Expired expired -> throw new WaiterExpired();
      case AdmitReply.Missing missing -> throw new WaiterNotFound();
      case AdmitReply.Paused paused -> throw NotReady.paused();
      case AdmitReply.NotOpen notOpen -> throw NotReady.notOpen(Duration.ZERO);
      case AdmitReply.Beyond beyond ->
          throw NotReady.beyondWindow(
              beyond.position(), attempt.readyWindow(), attempt.limiter().ratePerSecond());
      case AdmitReply.MaxActive maxActive -> throw NotReady.maxActive(maxActive.retryAfter());
      case AdmitReply.NoCapacity noCapacity -> throw NotReady.noCapacity(noCapacity.retryAfter());
      case AdmitReply.IndexMiss miss ->
          throw new IllegalStateException("index miss after the retry: " + miss);
    };
  }

  private AdmitReply tryAdmit(AdmissionAttempt attempt, Instant now) {
    RedisKeys keys = new RedisKeys(attempt.eventId());
    List<String> keyList = new ArrayList<>(keys.lineKeys());
    keyList.addAll(
        List.of(
            keys.waiter(attempt.waiterId()),
            keys.tombstone(attempt.waiterId()),
            keys.limiter(),
            keys.admissions()));
    List<Object> reply =
        scripts.run(
            Script.ADMIT,
            keyList,
            List.of(
                attempt.waiterId().value(),
                Long.toString(attempt.readyWindow()),
                Script.flag(attempt.admissionPaused()),
                Long.toString(attempt.limiter().emissionIntervalNanos()),
                Long.toString(attempt.limiter().toleranceNanos()),
                Long.toString(attempt.maxActive()),
                attempt.admissionId(),
                Long.toString(Math.max(1, attempt.ttl().toMillis())),
                Long.toString(now.toEpochMilli()),
                Long.toString(now.getEpochSecond()),
                Integer.toString(now.getNano()),
                Script.flag(settings.legacyZset()),
                EtaWindowArgs.LONGEST_MILLIS,
                housekeeping.idleRetentionMillis(),
                Script.feedLength(settings)));
    return AdmitReply.from(reply);
  }

  @Override
  public boolean consume(EventId eventId, String admissionId, Instant expiresAt, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    long rememberMs = Math.max(1, Duration.between(now, expiresAt).toMillis());
    List<Object> reply =
        scripts.run(
            Script.CONSUME,
            List.of(keys.used(admissionId), keys.live()),
            List.of(
                admissionId,
                Long.toString(expiresAt.toEpochMilli()),
                Long.toString(now.toEpochMilli()),
                Long.toString(rememberMs)));
    return CountReply.from(reply).happened();
  }

  @Override
  public AdmissionWindows recentAdmissions(EventId eventId, Instant now) {
    List<String> args = new ArrayList<>();
    args.add(Long.toString(now.toEpochMilli()));
    args.addAll(EtaWindowArgs.SPANS_MILLIS);
    List<Object> reply =
        scripts.read(Script.RECENT, List.of(new RedisKeys(eventId).admissions()), args);
    return RecentReply.from(reply).toWindows();
  }

  @Override
  public AdmissionHistory admissionHistory(EventId eventId, Instant now) {
    List<Object> reply =
        scripts.read(
            Script.HISTORY,
            List.of(new RedisKeys(eventId).admissions()),
            List.of(
                Long.toString(now.toEpochMilli()),
                Long.toString(AdmissionHistory.SLOT.toMillis()),
                Integer.toString(AdmissionHistory.SLOTS)));
    return HistoryReply.from(reply).toHistory(now);
  }
}
