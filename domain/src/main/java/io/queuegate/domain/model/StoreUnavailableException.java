package io.queuegate.domain.model;

import java.time.Duration;

/** The store did not answer in time or refused the connection; the client should retry. */
public final class StoreUnavailableException extends QueueException {
  private static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** How long a client should wait before trying again. */
  public Duration retryAfter() {
    return DEFAULT_RETRY;
  }
}
