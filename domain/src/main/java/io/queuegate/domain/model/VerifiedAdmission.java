package io.queuegate.domain.model;

/** An admission token that checked out, as told to the booking backend. */
public record VerifiedAdmission(AdmissionClaims claims) {}
