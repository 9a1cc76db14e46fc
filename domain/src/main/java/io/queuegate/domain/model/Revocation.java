package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A session ended before its time (completed or revoked): its admission id, and when. */
public record Revocation(String admissionId, Instant revokedAt) {
  public Revocation {
    Objects.requireNonNull(admissionId);
    Objects.requireNonNull(revokedAt);
  }
}
