package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ShuffleView;

/** The operator supplies the public value the policy named, before the opening. */
public interface SetPublicValueUseCase {

  /**
   * @throws io.queuegate.domain.model.ShuffleNotFound when the event has no scheduled opening
   * @throws io.queuegate.domain.model.ShuffleLocked when the sale opened, the policy names no
   *     public value, or another value was set
   * @throws io.queuegate.domain.model.InvalidPublicValue when the value is empty or too long
   */
  ShuffleView setPublicValue(EventId eventId, String publicValue);
}
