package io.queuegate.adapter.memory;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
    registry.policies().put(eventId, Objects.requireNonNull(policy));
  }

  @Override
  public QueuePolicy update(
      EventId eventId, QueuePolicy defaults, UnaryOperator<QueuePolicy> change) {
    // compute holds the entry's lock from the read to the write; a change that throws (or returns
    // null, which compute would take for a removal) leaves the entry as it was.
    return registry
        .policies()
        .compute(
            eventId,
            (id, current) ->
                Objects.requireNonNull(
                    change.apply(current != null ? current : defaults), "changed policy"));
  }

  @Override
  public void delete(EventId eventId) {
    registry.policies().remove(eventId);
    registry.shuffles().remove(eventId); // the schedule it belonged to is gone
  }
}
