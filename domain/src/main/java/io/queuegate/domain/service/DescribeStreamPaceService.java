package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StreamPace;
import io.queuegate.domain.port.in.DescribeStreamPaceUseCase;
import java.util.Objects;

/**
 * Reads a stream's pace from the cached policy, the same the status call uses, so a stream that
 * asks before each wait rarely reaches the store and follows an operator's change of the window.
 */
public final class DescribeStreamPaceService implements DescribeStreamPaceUseCase {
  private final PolicyCatalog policies;

  public DescribeStreamPaceService(PolicyCatalog policies) {
    this.policies = Objects.requireNonNull(policies);
  }

  @Override
  public StreamPace pace(EventId eventId) {
    QueuePolicy policy = policies.policyFor(eventId);
    return new StreamPace(
        policy.readyWindow(), HeartbeatCadence.longestWait(policy.heartbeatTimeout()));
  }
}
