package io.queuegate.adapter.http.admission;

/** Body of {@code POST /api/v1/admission/verify}; {@code consume} defaults to false. */
record VerifyRequest(String reservationToken, Boolean consume) {}
