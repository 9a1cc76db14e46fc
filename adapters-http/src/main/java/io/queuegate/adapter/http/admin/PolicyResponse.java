package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.QueuePolicy;

/**
 * An event's policy as the operator API shows it; same field names as {@link PolicyRequest}. An
 * empty {@code target_url}, {@code title} or {@code captcha_provider} means the event has none.
 */
record PolicyResponse(
    long readyWindow,
    double admissionRatePerSec,
    long admissionBurst,
    long maxActive,
    long maxWaiting,
    long heartbeatTimeoutSec,
    long admissionTtlSec,
    boolean pausedJoins,
    boolean pausedAdmission,
    boolean requireEnqueueToken,
    String targetUrl,
    String title,
    String targetDelivery,
    boolean requireProofOfWork,
    long proofOfWorkDifficulty,
    String captchaProvider,
    String captchaSiteKey,
    String captchaOnOutage) {

  static PolicyResponse from(QueuePolicy policy) {
    return new PolicyResponse(
        policy.readyWindow(),
        policy.admissionRatePerSec(),
        policy.admissionBurst(),
        policy.maxActive(),
        policy.maxWaiting(),
        policy.heartbeatTimeout().toSeconds(),
        policy.admissionTtl().toSeconds(),
        policy.pausedJoins(),
        policy.pausedAdmission(),
        policy.requireEnqueueToken(),
        policy.page().targetUrl().orElse(""),
        policy.page().title().orElse(""),
        policy.page().targetDelivery().wireName(),
        policy.requireProofOfWork(),
        policy.proofOfWorkDifficulty(),
        policy.captcha().provider().map(CaptchaProvider::wireName).orElse(""),
        policy.captcha().siteKey().orElse(""),
        policy.captcha().onOutage().wireName());
  }
}
