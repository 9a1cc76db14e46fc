package io.queuegate.domain.model;

import java.time.Instant;

/** A granted enter: the signed admission token and when it expires. */
public record AdmissionGrant(String reservationToken, long ttlSec, Instant expiresAt) {}
