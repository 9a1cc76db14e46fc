package io.queuegate.domain.port.out;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Per-event policies set by operators, kept in the store so every instance sees them. */
public interface EventPolicies {

  /** The event's policy, or empty when it was never configured. */
  Optional<QueuePolicy> find(EventId eventId);

  /** Replaces the event's policy as a whole. */
  void save(EventId eventId, QueuePolicy policy);

  /**
   * Applies {@code change} to the event's policy (or to {@code defaults} when it has none) and
   * stores the result, as one atomic read-modify-write: an update running at the same time, on this
   * instance or another, lands wholly before or wholly after this one, so neither undoes the
   * other's fields. {@code change} may run more than once and must have no side effects; when it
   * throws, nothing is stored and the exception reaches the caller.
   *
   * @return the policy stored
   * @throws io.queuegate.domain.model.StoreUnavailableException when the store does not answer, or
   *     concurrent updates kept winning for longer than a bounded number of tries
   */
  QueuePolicy update(EventId eventId, QueuePolicy defaults, UnaryOperator<QueuePolicy> change);

  void delete(EventId eventId);
}
