package io.queuegate.adapter.http.queue;

/** Body of {@code POST /api/v1/queue/join}. */
record JoinRequest(String eventId, String userId) {}
