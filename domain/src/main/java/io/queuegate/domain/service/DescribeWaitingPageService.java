package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaitingPage;
import io.queuegate.domain.port.in.DescribeWaitingPageUseCase;
import java.util.Objects;

/** Reads the waiting-page settings from the cached policy, so page loads rarely reach the store. */
public final class DescribeWaitingPageService implements DescribeWaitingPageUseCase {
  private final PolicyCatalog policies;

  public DescribeWaitingPageService(PolicyCatalog policies) {
    this.policies = Objects.requireNonNull(policies);
  }

  @Override
  public WaitingPage page(EventId eventId) {
    return policies.policyFor(eventId).page();
  }
}
