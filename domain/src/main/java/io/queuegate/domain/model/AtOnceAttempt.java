package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a store needs to admit a visitor at once in one atomic step: the event's line must be
 * empty, admission not paused, live admissions below {@code maxActive} (0: no limit) and the
 * limiter must grant one. With {@code counted} (mode passthrough) none of that is asked and the
 * admission is only recorded. The admission lives until {@code expiresAt}.
 */
public record AtOnceAttempt(
    EventId eventId,
    boolean admissionPaused,
    Gcra limiter,
    long maxActive,
    String admissionId,
    Instant expiresAt,
    boolean counted) {
  public AtOnceAttempt {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(limiter);
    Objects.requireNonNull(admissionId);
    Objects.requireNonNull(expiresAt);
  }
}
