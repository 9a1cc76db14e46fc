package io.queuegate.app;

import java.time.Duration;

/** The background jobs: reaping silent waiters and flushing coalesced heartbeats. */
public record JobSettings(Duration reapInterval, int reapBatchSize, Duration flushInterval) {}
