package io.queuegate.domain.model;

/** A keyed request's reply, and whether it was replayed from the store. */
public record IdempotencyOutcome(IdempotencyReply reply, boolean replayed) {}
