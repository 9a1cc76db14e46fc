package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a store needs to decide an enter in one atomic step: the ready check, the limiter, the
 * active limit, removal from the line and the admission record.
 */
public record AdmissionAttempt(
    EventId eventId,
    WaiterId waiterId,
    long readyWindow,
    boolean admissionPaused,
    Gcra limiter,
    long maxActive,
    String admissionId,
    Duration ttl) {
  public AdmissionAttempt {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(waiterId);
    Objects.requireNonNull(limiter);
    Objects.requireNonNull(admissionId);
    Objects.requireNonNull(ttl);
  }
}
