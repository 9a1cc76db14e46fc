package io.queuegate.adapter.memory;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import java.util.Optional;

/** Operator policies kept in this process until the operator deletes them or their event. */
public final class InMemoryEventPolicies implements EventPolicies {
  private final EventStates registry;

  InMemoryEventPolicies(EventStates registry) {
    this.registry = registry;
  }

  @Override
  public Optional<QueuePolicy> find(EventId eventId) {
    return Optional.ofNullable(registry.policies().get(eventId));
  }

  @Override
  public void save(EventId eventId, QueuePolicy policy) {
    registry.policies().put(eventId, policy);
  }

  @Override
  public void delete(EventId eventId) {
    registry.policies().remove(eventId);
  }
}
