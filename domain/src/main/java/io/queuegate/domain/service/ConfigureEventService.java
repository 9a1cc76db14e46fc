package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.out.EventPolicies;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Changes an event's stored policy, starting from the defaults when it has none yet. The store
 * applies the change atomically (see docs/design.md#operator-api), so two operators changing
 * different fields at once both keep their change.
 */
public final class ConfigureEventService implements ConfigureEventUseCase {
  private final EventPolicies policies;
  private final PolicyCatalog catalog;

  public ConfigureEventService(EventPolicies policies, PolicyCatalog catalog) {
    this.policies = Objects.requireNonNull(policies);
    this.catalog = Objects.requireNonNull(catalog);
  }

  @Override
  public QueuePolicy configure(EventId eventId, UnaryOperator<QueuePolicy> change) {
    Objects.requireNonNull(change, "change");
    QueuePolicy next =
        policies.update(
            eventId,
            catalog.defaults(),
            current -> Objects.requireNonNull(change.apply(current), "changed policy"));
    // Other instances see the change when their cache entry lapses; this one sees it now.
    catalog.forget(eventId);
    return next;
  }
}
