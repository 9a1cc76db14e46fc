package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.in.DeleteEventUseCase;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.WaitingLine;
import java.util.Objects;

/** Deletes an event's line, admissions, counters and policy. */
public final class DeleteEventService implements DeleteEventUseCase {
  private final WaitingLine line;
  private final EventPolicies policies;
  private final PolicyCatalog catalog;

  public DeleteEventService(WaitingLine line, EventPolicies policies, PolicyCatalog catalog) {
    this.line = Objects.requireNonNull(line);
    this.policies = Objects.requireNonNull(policies);
    this.catalog = Objects.requireNonNull(catalog);
  }

  @Override
  public void delete(EventId eventId) {
    line.deleteEvent(eventId);
    // The line's store may keep policies apart from lines, so the policy is deleted explicitly.
    policies.delete(eventId);
    catalog.forget(eventId);
  }
}
