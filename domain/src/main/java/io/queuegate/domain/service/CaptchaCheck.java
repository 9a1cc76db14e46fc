package io.queuegate.domain.service;

import io.queuegate.domain.model.CaptchaAnswer;
import io.queuegate.domain.model.CaptchaOutage;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.CaptchaRequired;
import io.queuegate.domain.model.CaptchaUnavailable;
import io.queuegate.domain.model.CaptchaVerdict;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidCaptcha;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.QueueMetrics;
import java.util.Objects;
import java.util.Optional;

/**
 * The CAPTCHA rule of a join (docs/design.md#captcha), in two steps so the join can put the free
 * one first: whether a token came at all, and, last before the line, what the provider says of it.
 */
final class CaptchaCheck {
  private final CaptchaVerifier verifier;
  private final QueueMetrics metrics;

  CaptchaCheck(CaptchaVerifier verifier, QueueMetrics metrics) {
    this.verifier = Objects.requireNonNull(verifier);
    this.metrics = Objects.requireNonNull(metrics);
  }

  /**
   * @throws CaptchaRequired when the policy names a provider and the join brought no token
   */
  void requirePresent(CaptchaPolicy policy, Optional<CaptchaAnswer> answer) {
    if (policy.required() && answer.isEmpty()) {
      throw new CaptchaRequired();
    }
  }

  /**
   * Asks the provider, once the cheaper checks have passed; a provider that cannot answer lets the
   * join through or refuses it, as {@link CaptchaPolicy#onOutage()} says.
   *
   * @throws InvalidCaptcha when the provider refuses the token
   * @throws CaptchaUnavailable when it cannot answer and the policy refuses joins meanwhile
   */
  void verify(EventId eventId, CaptchaPolicy policy, Optional<CaptchaAnswer> answer) {
    if (policy.provider().isEmpty()) {
      return;
    }
    requirePresent(policy, answer);
    CaptchaProvider provider = policy.provider().get();
    CaptchaVerdict verdict = verifier.verify(provider, answer.get());
    metrics.captchaVerified(eventId, verdict);
    switch (verdict) {
      case PASSED -> {}
      case FAILED -> throw new InvalidCaptcha("the provider did not accept the token");
      case UNAVAILABLE -> {
        if (policy.onOutage() == CaptchaOutage.REFUSE) {
          throw new CaptchaUnavailable();
        }
      }
    }
  }
}
