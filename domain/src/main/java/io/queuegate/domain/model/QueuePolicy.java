package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How one event's line behaves. {@code maxActive} and {@code maxWaiting} use 0 for "no limit". The
 * defaults are those of the product specification; {@code page} says what the event's waiting page
 * shows and where it sends admitted people.
 */
public record QueuePolicy(
    long readyWindow,
    double admissionRatePerSec,
    long admissionBurst,
    long maxActive,
    long maxWaiting,
    Duration heartbeatTimeout,
    Duration admissionTtl,
    boolean pausedJoins,
    boolean pausedAdmission,
    boolean requireEnqueueToken,
    WaitingPage page) {

  public static final long UNLIMITED = 0;

  public QueuePolicy {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(heartbeatTimeout, "heartbeat_timeout_sec");
    Objects.requireNonNull(admissionTtl, "admission_ttl_sec");
    check(readyWindow >= 1 && readyWindow <= 1_000_000, "ready_window must be 1 to 1000000");
    check(
        admissionRatePerSec > 0 && admissionRatePerSec <= 1_000_000,
        "admission_rate_per_sec must be above 0 and at most 1000000");
    check(
        admissionBurst >= 1 && admissionBurst <= 1_000_000, "admission_burst must be 1 to 1000000");
    check(maxActive >= 0, "max_active must be 0 (no limit) or more");
    check(maxWaiting >= 0, "max_waiting must be 0 (no limit) or more");
    check(
        heartbeatTimeout.toSeconds() >= 1 && heartbeatTimeout.toSeconds() <= 86_400,
        "heartbeat_timeout_sec must be 1 to 86400");
    check(
        admissionTtl.toSeconds() >= 1 && admissionTtl.toSeconds() <= 86_400,
        "admission_ttl_sec must be 1 to 86400");
  }

  /** A policy with no waiting-page settings ({@link WaitingPage#NONE}). */
  public QueuePolicy(
      long readyWindow,
      double admissionRatePerSec,
      long admissionBurst,
      long maxActive,
      long maxWaiting,
      Duration heartbeatTimeout,
      Duration admissionTtl,
      boolean pausedJoins,
      boolean pausedAdmission,
      boolean requireEnqueueToken) {
    this(
        readyWindow,
        admissionRatePerSec,
        admissionBurst,
        maxActive,
        maxWaiting,
        heartbeatTimeout,
        admissionTtl,
        pausedJoins,
        pausedAdmission,
        requireEnqueueToken,
        WaitingPage.NONE);
  }

  /** The specification's defaults. */
  public static QueuePolicy defaults() {
    return new QueuePolicy(
        100,
        50,
        500,
        UNLIMITED,
        UNLIMITED,
        Duration.ofSeconds(300),
        Duration.ofSeconds(300),
        false,
        false,
        false);
  }

  /** The admission limiter this policy describes. */
  public Gcra admissionLimiter() {
    return new Gcra(admissionRatePerSec, admissionBurst);
  }

  public QueuePolicy withPausedJoins(boolean paused) {
    return new QueuePolicy(
        readyWindow,
        admissionRatePerSec,
        admissionBurst,
        maxActive,
        maxWaiting,
        heartbeatTimeout,
        admissionTtl,
        paused,
        pausedAdmission,
        requireEnqueueToken,
        page);
  }

  public QueuePolicy withPausedAdmission(boolean paused) {
    return new QueuePolicy(
        readyWindow,
        admissionRatePerSec,
        admissionBurst,
        maxActive,
        maxWaiting,
        heartbeatTimeout,
        admissionTtl,
        pausedJoins,
        paused,
        requireEnqueueToken,
        page);
  }

  public QueuePolicy withPage(WaitingPage newPage) {
    return new QueuePolicy(
        readyWindow,
        admissionRatePerSec,
        admissionBurst,
        maxActive,
        maxWaiting,
        heartbeatTimeout,
        admissionTtl,
        pausedJoins,
        pausedAdmission,
        requireEnqueueToken,
        newPage);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new InvalidPolicy(message);
    }
  }
}
