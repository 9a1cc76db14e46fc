package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.in.PauseEventUseCase;
import java.util.Objects;

/** Pauses or resumes joins and admission of an event together. */
public final class PauseEventService implements PauseEventUseCase {
  private final ConfigureEventUseCase configure;

  public PauseEventService(ConfigureEventUseCase configure) {
    this.configure = Objects.requireNonNull(configure);
  }

  @Override
  public QueuePolicy setPaused(EventId eventId, boolean paused) {
    return configure.configure(
        eventId, policy -> policy.toBuilder().pausedJoins(paused).pausedAdmission(paused).build());
  }
}
