package io.queuegate.domain.model;

import java.time.Instant;

/**
 * What an admission token says: {@code audience} is the event, {@code subject} the user id or, when
 * there is none, the waiter id; {@code tokenId} is the admission id.
 */
public record AdmissionClaims(
    EventId audience, String subject, String tokenId, Instant issuedAt, Instant expiresAt) {}
