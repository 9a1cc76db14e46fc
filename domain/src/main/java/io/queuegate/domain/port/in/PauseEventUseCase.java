package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;

/** Pauses or resumes both joins and admission of an event. */
public interface PauseEventUseCase {

  /**
   * @return the policy now in force
   */
  QueuePolicy setPaused(EventId eventId, boolean paused);
}
