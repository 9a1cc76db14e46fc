package io.queuegate.domain.model;

/**
 * An operator's view of one event: its policy, whether it was configured or runs on defaults, live
 * counts, the admission rate over the last minute and the oldest wait.
 */
public record EventOverview(
    EventId eventId,
    QueuePolicy policy,
    boolean configured,
    EventStats stats,
    double admissionRateLastMinute,
    long oldestWaitSec) {}
