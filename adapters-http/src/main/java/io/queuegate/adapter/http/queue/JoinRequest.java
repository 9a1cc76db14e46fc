package io.queuegate.adapter.http.queue;

/**
 * Body of {@code POST /api/v1/queue/join}; {@code proofOfWork} is the base64 ALTCHA payload and
 * {@code captchaToken} the CAPTCHA widget's response token, for clients that cannot set the {@code
 * X-Proof-Of-Work} or {@code X-Captcha-Token} header.
 */
record JoinRequest(String eventId, String userId, String proofOfWork, String captchaToken) {}
