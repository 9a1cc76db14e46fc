package io.queuegate.domain.model;

/** A keyed request's reply, and whether it was replayed from the store. */
public record IdempotentOutcome(IdempotentReply reply, boolean replayed) {}
