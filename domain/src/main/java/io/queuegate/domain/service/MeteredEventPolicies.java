package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The event policies, telling the metrics which events an operator configured each time a policy is
 * read, saved or deleted. Reads happen whenever an event's cached policy lapses, so a change made
 * through another instance reaches this instance's metrics too.
 */
public final class MeteredEventPolicies implements EventPolicies {
  private final EventPolicies policies;
  private final QueueMetrics metrics;

  public MeteredEventPolicies(EventPolicies policies, QueueMetrics metrics) {
    this.policies = Objects.requireNonNull(policies);
    this.metrics = Objects.requireNonNull(metrics);
  }

  @Override
  public Optional<QueuePolicy> find(EventId eventId) {
    Optional<QueuePolicy> policy = policies.find(eventId);
    metrics.configured(eventId, policy.isPresent());
    return policy;
  }

  @Override
  public void save(EventId eventId, QueuePolicy policy) {
    policies.save(eventId, policy);
    metrics.configured(eventId, true);
  }

  @Override
  public QueuePolicy update(
      EventId eventId, QueuePolicy defaults, UnaryOperator<QueuePolicy> change) {
    QueuePolicy stored = policies.update(eventId, defaults, change);
    metrics.configured(eventId, true);
    return stored;
  }

  @Override
  public void delete(EventId eventId) {
    policies.delete(eventId);
    metrics.configured(eventId, false);
  }
}
