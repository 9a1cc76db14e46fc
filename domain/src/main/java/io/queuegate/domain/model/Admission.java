package io.queuegate.domain.model;

import java.time.Duration;
import java.time.Instant;

/** A waiter let into the booking flow. {@code id} becomes the admission token's {@code jti}. */
public record Admission(String id, Waiter waiter, Instant admittedAt, Instant expiresAt) {

  /** How long the waiter stood in line. */
  public Duration waited() {
    return Duration.between(waiter.joinedAt(), admittedAt);
  }
}
