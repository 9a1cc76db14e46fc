package io.queuegate.domain.model;

/** A successful response kept for replay to a repeated request with the same idempotency key. */
public record IdempotentReply(int status, String body) {}
