package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import java.util.function.UnaryOperator;

/** Changes an event's policy; the change applies to its current policy, or to the defaults. */
public interface ConfigureEventUseCase {

  /**
   * @return the policy now in force
   * @throws io.queuegate.domain.model.InvalidPolicy when the result breaks a policy rule
   */
  QueuePolicy configure(EventId eventId, UnaryOperator<QueuePolicy> change);
}
