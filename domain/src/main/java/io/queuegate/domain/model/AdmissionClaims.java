package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admission token says: {@code audience} is the event; {@code subject} the user id or, when
 * there is none, the waiter id (informational: any client can send any user id); {@code identity}
 * the person of the verified enqueue token the join carried, if any, which is the one value a
 * backend may use to hold a person to one admission; {@code tokenId} is the admission id.
 */
public record AdmissionClaims(
    EventId audience,
    String subject,
    Optional<Identity> identity,
    String tokenId,
    Instant issuedAt,
    Instant expiresAt) {
  public AdmissionClaims {
    Objects.requireNonNull(identity, "identity");
  }
}
