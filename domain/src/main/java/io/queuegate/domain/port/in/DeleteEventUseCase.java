package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;

/** Deletes all of an event's data, its policy included. */
public interface DeleteEventUseCase {

  void delete(EventId eventId);
}
