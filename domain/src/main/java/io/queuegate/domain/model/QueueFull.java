package io.queuegate.domain.model;

import java.time.Duration;

/** The event's line is at max_waiting. */
public final class QueueFull extends QueueException {
  /** What a full line tells clients: places free up as people enter, leave or expire. */
  public static final Duration DEFAULT_RETRY = Duration.ofSeconds(10);

  private final Duration retryAfter;

  public QueueFull() {
    this(DEFAULT_RETRY);
  }

  public QueueFull(Duration retryAfter) {
    super("the line for this event is full; try again later");
    this.retryAfter = retryAfter;
  }

  /** How long a client should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
