package io.queuegate.domain.model;

import java.time.Duration;

/** The event's line is at max_waiting. */
public final class QueueFull extends QueueException {
  private final Duration retryAfter;

  public QueueFull(Duration retryAfter) {
    super("the line for this event is full; try again later");
    this.retryAfter = retryAfter;
  }

  /** How long a client should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
