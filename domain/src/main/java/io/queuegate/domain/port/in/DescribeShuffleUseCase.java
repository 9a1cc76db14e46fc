package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ShuffleView;

/** Shows an event's opening shuffle to anyone: the commitment, and after the opening the seed. */
public interface DescribeShuffleUseCase {

  /**
   * @throws io.queuegate.domain.model.ShuffleNotFound when the event has no scheduled opening
   */
  ShuffleView describe(EventId eventId);
}
