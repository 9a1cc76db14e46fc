package io.queuegate.app;

import java.time.Duration;

/** Where the HTTP server listens and how long a stop waits for requests in flight. */
public record ServerSettings(String host, int port, Duration shutdownGrace) {}
