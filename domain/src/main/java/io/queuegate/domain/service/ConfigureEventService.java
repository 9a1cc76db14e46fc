package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.out.EventPolicies;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Changes an event's stored policy, starting from the defaults when it has none yet, and refuses a
 * heartbeat timeout too short for the pace clients are asked to poll at.
 */
public final class ConfigureEventService implements ConfigureEventUseCase {
  private final EventPolicies policies;
  private final PolicyCatalog catalog;
  private final HeartbeatCadence cadence;

  public ConfigureEventService(
      EventPolicies policies, PolicyCatalog catalog, HeartbeatCadence cadence) {
    this.policies = Objects.requireNonNull(policies);
    this.catalog = Objects.requireNonNull(catalog);
    this.cadence = Objects.requireNonNull(cadence);
  }

  @Override
  public QueuePolicy configure(EventId eventId, UnaryOperator<QueuePolicy> change) {
    QueuePolicy current = catalog.configured(eventId).orElseGet(catalog::defaults);
    QueuePolicy next = Objects.requireNonNull(change.apply(current), "changed policy");
    // Only a new timeout is checked: a policy stored before the rule existed can still be paused.
    if (!next.heartbeatTimeout().equals(current.heartbeatTimeout())) {
      cadence.check(next);
    }
    policies.save(eventId, next);
    // Other instances see the change when their cache entry lapses; this one sees it now.
    catalog.forget(eventId);
    return next;
  }
}
