package io.queuegate.domain.model;

/** A signed admission token and the claims in it. */
public record SignedAdmission(String token, AdmissionClaims claims) {}
