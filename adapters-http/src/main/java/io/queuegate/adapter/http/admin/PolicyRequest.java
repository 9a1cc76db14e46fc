package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.CaptchaOutage;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.PolicyField;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Body of {@code PUT /api/v1/admin/events/{event_id}}. Every field is optional; the ones present
 * replace those of the policy in force. Durations are whole seconds; 0 means "no limit" for the two
 * maxima; an empty {@code target_url}, {@code title} or {@code captcha_provider} removes it. A
 * scheduled sale takes {@code opens_at} and {@code pre_queue_starts_at} (RFC 3339) together, and
 * optionally {@code shuffle_public_value_source}; an empty {@code opens_at} removes the schedule,
 * an empty source the source.
 */
record PolicyRequest(
    Long readyWindow,
    Double admissionRatePerSec,
    Long admissionBurst,
    Long maxActive,
    Long maxWaiting,
    Long heartbeatTimeoutSec,
    Long admissionTtlSec,
    Boolean pausedJoins,
    Boolean pausedAdmission,
    Boolean requireEnqueueToken,
    String targetUrl,
    String title,
    String targetDelivery,
    Boolean requireProofOfWork,
    Long proofOfWorkDifficulty,
    String captchaProvider,
    String captchaSiteKey,
    String captchaOnOutage,
    String opensAt,
    String preQueueStartsAt,
    String shufflePublicValueSource) {

  /** The policy this request makes of {@code current}; the domain checks the ranges. */
  QueuePolicy applyTo(QueuePolicy current) {
    return new QueuePolicy(
        or(readyWindow, current.readyWindow()),
        admissionRatePerSec != null ? admissionRatePerSec : current.admissionRatePerSec(),
        or(admissionBurst, current.admissionBurst()),
        or(maxActive, current.maxActive()),
        or(maxWaiting, current.maxWaiting()),
        heartbeatTimeoutSec != null
            ? Duration.ofSeconds(heartbeatTimeoutSec)
            : current.heartbeatTimeout(),
        admissionTtlSec != null ? Duration.ofSeconds(admissionTtlSec) : current.admissionTtl(),
        pausedJoins != null ? pausedJoins : current.pausedJoins(),
        pausedAdmission != null ? pausedAdmission : current.pausedAdmission(),
        requireEnqueueToken != null ? requireEnqueueToken : current.requireEnqueueToken(),
        pageOf(current.page()),
        requireProofOfWork != null ? requireProofOfWork : current.requireProofOfWork(),
        or(proofOfWorkDifficulty, current.proofOfWorkDifficulty()),
        captchaOf(current.captcha()),
        scheduleOf(current.schedule()));
  }

  // An empty captcha_provider removes the CAPTCHA, and its site key with it unless one is sent.
  private CaptchaPolicy captchaOf(CaptchaPolicy current) {
    boolean removed = captchaProvider != null && captchaProvider.isEmpty();
    return CaptchaPolicy.of(
        captchaProvider != null
            ? captchaProvider
            : current.provider().map(CaptchaProvider::wireName).orElse(null),
        captchaSiteKey != null ? captchaSiteKey : removed ? null : current.siteKey().orElse(null),
        captchaOnOutage != null ? CaptchaOutage.parse(captchaOnOutage) : current.onOutage());
  }

  private Optional<SaleSchedule> scheduleOf(Optional<SaleSchedule> current) {
    if ("".equals(opensAt)) {
      return Optional.empty();
    }
    if (opensAt == null && preQueueStartsAt == null && shufflePublicValueSource == null) {
      return current;
    }
    Instant opens =
        opensAt != null
            ? time(opensAt, PolicyField.OPENS_AT)
            : current
                .map(SaleSchedule::opensAt)
                .orElseThrow(() -> new InvalidPolicy(PolicyField.OPENS_AT, "is required"));
    Instant starts =
        preQueueStartsAt != null
            ? time(preQueueStartsAt, PolicyField.PRE_QUEUE_STARTS_AT)
            : current
                .map(SaleSchedule::preQueueStartsAt)
                .orElseThrow(
                    () -> new InvalidPolicy(PolicyField.PRE_QUEUE_STARTS_AT, "is required"));
    Optional<String> source =
        shufflePublicValueSource != null
            ? Optional.of(shufflePublicValueSource).filter(s -> !s.isEmpty())
            : current.flatMap(SaleSchedule::publicValueSource);
    return Optional.of(new SaleSchedule(starts, opens, source));
  }

  private static Instant time(String value, PolicyField field) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidPolicy(field, "must be an RFC 3339 date-time such as 2027-01-10T09:00:00Z");
    }
  }

  private WaitingPage pageOf(WaitingPage current) {
    return WaitingPage.of(
        targetUrl != null ? targetUrl : current.targetUrl().orElse(null),
        title != null ? title : current.title().orElse(null),
        targetDelivery != null ? TargetDelivery.parse(targetDelivery) : current.targetDelivery());
  }

  private static long or(Long value, long fallback) {
    return value != null ? value : fallback;
  }
}
