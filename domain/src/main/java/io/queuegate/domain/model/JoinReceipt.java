package io.queuegate.domain.model;

/** What a joiner is told: the waiting token and where it stands right now. */
public record JoinReceipt(WaitingToken token, long position, long etaSec, long pollAfterMs) {}
