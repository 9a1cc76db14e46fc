package io.queuegate.adapter.http.admin;

/** Body of {@code PUT /api/v1/admin/events/{event_id}/shuffle/public-value}. */
record PublicValueRequest(String publicValue) {}
