package io.queuegate.domain.model;

import java.time.Duration;

/** The waiter may not enter yet; {@link Reason} says why. */
public final class NotReady extends QueueException {

  /** Why an enter was refused. */
  public enum Reason {
    BEYOND_READY_WINDOW("not yet within the ready window"),
    NO_CAPACITY("admission rate limit reached; try again shortly"),
    MAX_ACTIVE("the booking flow is at its active limit; try again shortly"),
    ADMISSION_PAUSED("admission is paused");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;
  private final Duration retryAfter;

  public NotReady(Reason reason, Duration retryAfter) {
    super(reason.message());
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  /** How long a client should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
