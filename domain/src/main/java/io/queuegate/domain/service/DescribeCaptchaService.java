package io.queuegate.domain.service;

import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.in.DescribeCaptchaUseCase;
import java.util.Objects;

/** Reads an event's CAPTCHA policy from the cached policy, as the waiting page does its title. */
public final class DescribeCaptchaService implements DescribeCaptchaUseCase {
  private final PolicyCatalog policies;

  public DescribeCaptchaService(PolicyCatalog policies) {
    this.policies = Objects.requireNonNull(policies);
  }

  @Override
  public CaptchaPolicy captcha(EventId eventId) {
    return policies.policyFor(eventId).captcha();
  }
}
