package io.queuegate.adapter.http.gate;

/** Body of {@code POST /api/v1/admission/complete}: {@code {"reservation_token": "..."}}. */
record CompleteRequest(String reservationToken) {}
