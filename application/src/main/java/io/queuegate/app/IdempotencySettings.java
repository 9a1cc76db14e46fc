package io.queuegate.app;

import java.time.Duration;

/** How long successful replies are replayed, and how long an unfinished claim blocks its key. */
public record IdempotencySettings(Duration replayFor, Duration inFlightFor) {}
