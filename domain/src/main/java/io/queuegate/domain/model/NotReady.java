package io.queuegate.domain.model;

import java.time.Duration;

/** The waiter may not enter yet; {@link Reason} says why. */
public final class NotReady extends QueueException {

  /** Why an enter was refused. */
  public enum Reason {
    BEYOND_READY_WINDOW("not yet within the ready window"),
    NO_CAPACITY("admission rate limit reached; try again shortly"),
    MAX_ACTIVE("the booking flow is at its active limit; try again shortly"),
    ADMISSION_PAUSED("admission is paused"),
    NOT_OPEN("the sale has not opened yet");

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

  /**
   * Beyond the ready window: retry in about the time the line needs to move the waiter into it, at
   * {@code ratePerSec}, between 1 and 30 seconds.
   */
  public static NotReady beyondWindow(long position, long readyWindow, double ratePerSec) {
    double seconds = Math.ceil((position - readyWindow) / Math.max(ratePerSec, 0.001));
    return new NotReady(Reason.BEYOND_READY_WINDOW, clamp(seconds));
  }

  /** The limiter refused: retry when it allows the next admission (at least 1 second). */
  public static NotReady noCapacity(Duration limiterRetryAfter) {
    return new NotReady(Reason.NO_CAPACITY, clamp(Math.ceil(limiterRetryAfter.toMillis() / 1000d)));
  }

  /** At max_active: retry when the earliest live admission expires, between 1 and 30 seconds. */
  public static NotReady maxActive(Duration untilEarliestExpiry) {
    return new NotReady(
        Reason.MAX_ACTIVE, clamp(Math.ceil(untilEarliestExpiry.toMillis() / 1000d)));
  }

  /** Admission is paused by an operator: retry in 5 seconds. */
  public static NotReady paused() {
    return new NotReady(Reason.ADMISSION_PAUSED, Duration.ofSeconds(5));
  }

  /** The sale has not opened: retry at the opening, between 1 and 30 seconds from now. */
  public static NotReady notOpen(Duration untilOpening) {
    return new NotReady(Reason.NOT_OPEN, clamp(Math.ceil(untilOpening.toMillis() / 1000d)));
  }

  /**
   * The same refusal asking the client back within {@code longest}: whole seconds, rounded down so
   * the answer never asks for more, and at least one second (what Retry-After can say).
   */
  public NotReady cappedAt(Duration longest) {
    Duration capped =
        Duration.ofSeconds(Math.max(1, Math.min(retryAfter.toSeconds(), longest.toSeconds())));
    return capped.equals(retryAfter) ? this : new NotReady(reason, capped);
  }

  private static Duration clamp(double seconds) {
    return Duration.ofSeconds((long) Math.min(30, Math.max(1, seconds)));
  }

  public Reason reason() {
    return reason;
  }

  /** How long a client should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
