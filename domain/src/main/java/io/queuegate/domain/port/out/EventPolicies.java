package io.queuegate.domain.port.out;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import java.util.Optional;

/** Per-event policies set by operators, kept in the store so every instance sees them. */
public interface EventPolicies {

  /** The event's policy, or empty when it was never configured. */
  Optional<QueuePolicy> find(EventId eventId);

  void save(EventId eventId, QueuePolicy policy);

  void delete(EventId eventId);
}
