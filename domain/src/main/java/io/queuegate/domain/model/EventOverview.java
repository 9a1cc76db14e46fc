package io.queuegate.domain.model;

import java.util.Map;

/**
 * An operator's view of one event: its policy, whether it was configured or runs on defaults, live
 * counts, the admission rate over the last minute, the oldest wait, and positions by method.
 */
public record EventOverview(
    EventId eventId,
    QueuePolicy policy,
    boolean configured,
    EventStats stats,
    double admissionRateLastMinute,
    long oldestWaitSec,
    Map<PositionMethod, Long> positionsByMethod) {}
