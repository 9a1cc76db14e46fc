package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.CaptchaOutage;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import java.time.Duration;

/**
 * Body of {@code PUT /api/v1/admin/events/{event_id}}. Every field is optional; the ones present
 * replace those of the policy in force. Durations are whole seconds; 0 means "no limit" for the two
 * maxima; an empty {@code target_url}, {@code title} or {@code captcha_provider} removes it.
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
    String captchaOnOutage) {

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
        captchaOf(current.captcha()));
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
