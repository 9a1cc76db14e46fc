package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventOverview;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.in.DescribeEventUseCase;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Gathers an event's policy and live numbers for operators. */
public final class DescribeEventService implements DescribeEventUseCase {
  private static final double SECONDS_PER_MINUTE = 60.0;

  private final PolicyCatalog catalog;
  private final WaitingLine line;
  private final AdmissionLedger ledger;
  private final Clock clock;

  public DescribeEventService(
      PolicyCatalog catalog, WaitingLine line, AdmissionLedger ledger, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog);
    this.line = Objects.requireNonNull(line);
    this.ledger = Objects.requireNonNull(ledger);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public EventOverview describe(EventId eventId) {
    Instant now = clock.instant();
    // Uncached, so an operator reads exactly what is stored.
    Optional<QueuePolicy> configured = catalog.configured(eventId);
    EventStats stats = line.stats(eventId, now);
    long lastMinute = ledger.recentAdmissions(eventId, now).last60s();
    long oldestWaitSec =
        stats
            .oldestJoinedAt()
            .map(joinedAt -> Math.max(0, Duration.between(joinedAt, now).getSeconds()))
            .orElse(0L);
    return new EventOverview(
        eventId,
        configured.orElseGet(catalog::defaults),
        configured.isPresent(),
        stats,
        lastMinute / SECONDS_PER_MINUTE,
        oldestWaitSec);
  }
}
