package io.queuegate.adapter.http.queue;

/**
 * Body of {@code POST /api/v1/queue/join}; {@code proofOfWork} is the base64 ALTCHA payload, for
 * clients that cannot set the {@code X-Proof-Of-Work} header.
 */
record JoinRequest(String eventId, String userId, String proofOfWork) {}
