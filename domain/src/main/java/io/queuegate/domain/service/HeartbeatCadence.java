package io.queuegate.domain.service;

import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.PolicyField;
import io.queuegate.domain.model.QueuePolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How often clients are asked for a sign of life, held against each event's heartbeat timeout: no
 * answer asks a client to wait longer than a third of the timeout, so one that does as it is told
 * may miss two polls in a row and still keep its place (docs/design.md#polling-hint). {@code
 * fastest} is the shortest wait any answer may ask for; a timeout shorter than three of those
 * leaves no room for that rule and is refused.
 */
public record HeartbeatCadence(Duration fastest) {
  /** Signs of life asked for within one heartbeat timeout. */
  public static final int POLLS_PER_TIMEOUT = 3;

  // Retry-After carries whole seconds, so no refused enter can ask a client back sooner.
  private static final Duration SHORTEST_RETRY_AFTER = Duration.ofSeconds(1);

  public HeartbeatCadence {
    Objects.requireNonNull(fastest);
    if (!fastest.isPositive()) {
      throw new IllegalArgumentException("the fastest cadence must be positive");
    }
  }

  /**
   * The cadence of a service whose polling hint never goes below {@code pollingFloor} and whose
   * status streams check (and so renew) their waiter every {@code streamCheck}.
   */
  public static HeartbeatCadence of(Duration pollingFloor, Duration streamCheck) {
    Duration fastest = SHORTEST_RETRY_AFTER;
    for (Duration d : new Duration[] {pollingFloor, streamCheck}) {
      fastest = d.compareTo(fastest) > 0 ? d : fastest;
    }
    return new HeartbeatCadence(fastest);
  }

  /** The longest wait an answer may ask of a client of an event with {@code heartbeatTimeout}. */
  public static Duration longestWait(Duration heartbeatTimeout) {
    // Whole nanoseconds, as Duration.dividedBy would give, without its BigDecimal on every status.
    long seconds = heartbeatTimeout.getSeconds();
    long nanos =
        (seconds % POLLS_PER_TIMEOUT * 1_000_000_000L + heartbeatTimeout.getNano())
            / POLLS_PER_TIMEOUT;
    return Duration.ofSeconds(seconds / POLLS_PER_TIMEOUT, nanos);
  }

  /**
   * The shortest heartbeat timeout a policy may have: three of the fastest waits, whole seconds.
   */
  public Duration shortestTimeout() {
    long millis = fastest.multipliedBy(POLLS_PER_TIMEOUT).toMillis();
    return Duration.ofSeconds((millis + 999) / 1000);
  }

  /**
   * Returns {@code policy} when its heartbeat timeout leaves room for this cadence.
   *
   * @throws InvalidPolicy when the timeout is shorter than {@link #shortestTimeout()}
   */
  public QueuePolicy check(QueuePolicy policy) {
    Duration shortest = shortestTimeout();
    if (policy.heartbeatTimeout().compareTo(shortest) < 0) {
      throw new InvalidPolicy(
          PolicyField.HEARTBEAT_TIMEOUT,
          "must be at least "
              + shortest.toSeconds()
              + " seconds: clients are asked back within a third of it, and never sooner than"
              + " every "
              + fastest.toMillis()
              + " ms");
    }
    return policy;
  }
}
