package io.queuegate.domain.model;

/** What a waiter is told on each poll. */
public record WaiterStatus(
    long position, long etaSec, long waitingTimeSec, boolean readyForEntry, long pollAfterMs) {}
