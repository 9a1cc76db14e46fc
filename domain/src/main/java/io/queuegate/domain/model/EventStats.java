package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Live counts for one event. {@code joined} equals waiting + admitted + left + expired, exactly.
 */
public record EventStats(
    long waiting,
    long joined,
    long admitted,
    long left,
    long expired,
    long liveAdmissions,
    Optional<Instant> oldestJoinedAt) {}
